package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.model.Finding;
import dev.ward.model.UnownedFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnownedDetectorTest {
    static final byte[] ELF = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};

    @TempDir
    Path dir;

    @Test
    void reportsWhatRunsAndNoPackageOwns() throws Exception {
        PackagedRoot r = new PackagedRoot(dir)
                .packaged("coreutils", "/usr/bin/ls", "ls")
                .listed("libc6", "/usr/lib/x86_64-linux-gnu")
                .listed("libpam-modules", "/usr/lib/x86_64-linux-gnu/security")
                .listed("linux-image", "/usr/lib/modules/6.1.0")
                .write("/usr/bin/sshd-helper", new String(ELF))            // unowned program: medium
                .write("/usr/lib/x86_64-linux-gnu/libcrypt.so.9", "lib")   // unowned library: medium
                .write("/usr/lib/x86_64-linux-gnu/security/pam_x.so", "pam") // PAM module: high
                .write("/usr/lib/modules/6.1.0/extra/rk.ko", "ko")           // kernel module: high
                .write("/usr/lib/modules/6.1.0/updates/dkms/nv.ko", "ko")    // DKMS-built: not reported
                .write("/var/lib/dkms/nv/1.0/6.1.0/x86_64/module/nv.ko", "ko")
                .write("/usr/lib/opt-tool/bin/a", new String(ELF))          // one unpackaged tree
                .write("/usr/lib/opt-tool/lib/b.so", "b")
                .write("/etc/admin-script", "#!/bin/sh\n")                  // a script in /etc: low
                .write("/usr/local/bin/tool", new String(ELF))              // /usr/local: low
                .write("/usr/share/doc/x/README", "doc")                    // cannot run: not a candidate
                .write("/usr/lib/locale/locale-archive", "data")
                .write("/etc/aide/aide.conf.d/31_aide_apt", "#!/bin/sh\n")  // registered with ucf: owned
                .write("/var/lib/ucf/registry", "aide \t /etc/aide/aide.conf.d/31_aide_apt\n")
                .write("/usr/bin/pg_config.libpq-dev", new String(ELF))     // a diversion's target: owned
                .write("/var/lib/dpkg/diversions", "/usr/bin/pg_config\n/usr/bin/pg_config.libpq-dev\npostgresql-common\n")
                .write("/var/lib/dpkg/status", "Package: coreutils\nStatus: install ok installed\nArchitecture: amd64\nVersion: 9.1-1\n");
        for (String p : List.of("/usr/bin/sshd-helper", "/usr/lib/opt-tool/bin/a", "/etc/admin-script", "/usr/local/bin/tool",
                "/etc/aide/aide.conf.d/31_aide_apt", "/usr/bin/pg_config.libpq-dev")) {
            r.chmod(p, "rwxr-xr-x");
        }
        List<Finding> found = r.run(new UnownedDetector());
        assertEquals(List.of(
                "high linux.packages.unowned_file /usr/lib/modules/6.1.0/extra/rk.ko",
                "high linux.packages.unowned_file /usr/lib/x86_64-linux-gnu/security/pam_x.so",
                "medium linux.packages.unowned_file /usr/bin/sshd-helper",
                "medium linux.packages.unowned_file /usr/lib/x86_64-linux-gnu/libcrypt.so.9",
                "medium linux.packages.unowned_tree /usr/lib/opt-tool/bin/a,/usr/lib/opt-tool/lib/b.so",
                "low linux.packages.unowned_file /etc/admin-script",
                "low linux.packages.unowned_file /usr/local/bin/tool"),
                PackagedRoot.brief(found).stream().sorted((a, b) -> rank(a) - rank(b) != 0 ? rank(a) - rank(b) : a.compareTo(b)).toList());
        Finding tree = found.stream().filter(f -> f.check().equals("linux.packages.unowned_tree")).findFirst().orElseThrow();
        assertEquals("/usr/lib/opt-tool", tree.evidence().get("directory"));
        assertEquals(List.of("/usr/lib/opt-tool/bin/a", "/usr/lib/opt-tool/lib/b.so"), tree.paths());
    }

    private static int rank(String brief) {
        return List.of("critical", "high", "medium", "low", "info").indexOf(brief.substring(0, brief.indexOf(' ')));
    }

    @Test
    void timeSignsSayHowTheMtimeLooksSet() {
        Instant ctime = Instant.parse("2026-11-28T10:00:00.123456789Z");
        assertEquals(null, UnownedDetector.timeSigns(file(Instant.parse("2026-11-20T10:00:00.5Z"), ctime)));
        assertEquals("mtime 331 days before its ctime, mtime with no fraction of a second",
                UnownedDetector.timeSigns(file(Instant.parse("2026-01-01T10:00:00Z"), ctime)));
        assertEquals("mtime 3 days after its ctime, in what was its future",
                UnownedDetector.timeSigns(file(Instant.parse("2026-12-01T10:00:00.7Z"), ctime)));
    }

    private static UnownedFile file(Instant mtime, Instant ctime) {
        return new UnownedFile("/usr/bin/x", UnownedFile.Kind.EXECUTABLE, 0755, 0, 1, mtime, ctime, true, false, null);
    }
}
