package dev.ward.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Scan;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.detect.checks.CheckCatalog;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.run.Checks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistence checks written in YAML, run through the engine over small roots (TriageDebianRootTest runs them on Debian). */
class PersistenceChecksTest {
    @TempDir
    Path dir;

    @Test
    void checksFireOnTheirTechniqueOnly() throws Exception {
        write("/var/lib/dpkg/info/udev.list", "/.\n/usr/lib/udev/rules.d/60-block.rules\n/etc/init.d/udev\n");
        write("/usr/lib/udev/rules.d/60-block.rules", "ACTION==\"add\", RUN+=\"/usr/bin/true\"\n");
        write("/etc/udev/rules.d/99-x.rules", "ACTION==\"add\", RUN+=\"/bin/sh -c '/var/tmp/.d/x'\"\n"
                + "SUBSYSTEM==\"net\", RUN+=\"/usr/local/sbin/ifhook\"\n");
        write("/etc/pam.d/sshd", "auth optional pam_exec.so quiet expose_authtok /usr/local/bin/log\n"
                + "auth required pam_unix.so\nsession optional pam_python.so /lib/security/x.py\n");
        write("/etc/pam.d/su", "auth optional pam_script.so dir=/var/tmp/.s\n");
        write("/etc/update-motd.d/99-x", "#!/bin/sh\nid\n");
        write("/etc/init.d/udev", "#!/bin/sh\n");
        write("/etc/init.d/svc", "#!/bin/sh\n/opt/svc &\n");
        assertEquals(List.of("linux.init.unowned_script /etc/init.d/svc:0",
                "linux.motd.unowned_script /etc/update-motd.d/99-x:0",
                "linux.pam.exec_module /etc/pam.d/sshd:1",
                "linux.pam.exec_module /etc/pam.d/sshd:3",
                "linux.pam.exec_module /etc/pam.d/su:1",
                "linux.udev.run_from_temp /etc/udev/rules.d/99-x.rules:1",
                "linux.udev.unowned_run /etc/udev/rules.d/99-x.rules:1",
                "linux.udev.unowned_run /etc/udev/rules.d/99-x.rules:2"), fired(dir, Severity.INFO));
    }

    @Test
    void unownedChecksSayNothingWithoutAPackageDatabase() throws Exception {
        write("/etc/update-motd.d/99-x", "#!/bin/sh\nid\n");
        write("/etc/init.d/svc", "#!/bin/sh\n/opt/svc &\n");
        assertEquals(List.of(), fired(dir, Severity.INFO));
    }

    @Test
    void quietWithoutTheTechniques() throws Exception {
        write("/etc/pam.d/login", "auth required pam_unix.so\n");
        write("/etc/udev/rules.d/README", "RUN+=\"/tmp/x\"\n");
        assertEquals(List.of(), fired(dir, Severity.INFO));
    }

    /** "id path:line" of every YAML check firing at or above {@code min}, sorted. */
    static List<String> fired(Path rootDir, Severity min) throws Exception {
        List<String> out = new ArrayList<>();
        try (HostRoot root = HostRoot.open(rootDir)) {
            Scan scan = new Scan(root, InstantSource.system());
            Results results = new Results();
            for (Detector d : Checks.yaml(CheckCatalog.builtin())) {
                d.detect(scan, results);
            }
            for (Finding f : results.findings()) {
                if (f.severity().atLeast(min)) {
                    out.add(f.check() + " " + f.paths().getFirst() + ":" + f.evidence().getOrDefault("line", 0));
                }
            }
        }
        out.sort(null);
        return out;
    }

    private void write(String path, String text) throws Exception {
        Path p = dir.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
