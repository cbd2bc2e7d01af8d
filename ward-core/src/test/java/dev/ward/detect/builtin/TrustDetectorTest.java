package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.detect.Results;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustDetectorTest {
    @TempDir
    Path dir;

    @Test
    void plusPlusInHostsEquivAndRootRhostsIsCritical() {
        Results r = new TestRoot(dir)
                .write("etc/hosts.equiv", "+ +\n", "rw-r--r--", TestRoot.OLD)
                .write("root/.rhosts", "+ +\n")
                .write("etc/ssh/sshd_config", "HostbasedAuthentication yes\nIgnoreRhosts no\n")
                .run(new TrustDetector());
        assertEquals(List.of(
                "linux.trust.wildcard critical /etc/hosts.equiv",
                "linux.trust.wildcard critical /root/.rhosts"), TestRoot.brief(r));
        var f = r.findings().get(1);
        assertEquals("root", f.evidence().get("account"));
        assertEquals(List.of(Map.of("line", 1, "text", "+ +", "host", "+", "user", "+")), f.evidence().get("lines"));
        assertEquals("no package", f.evidence().get("package"));
        assertEquals(Map.of("config_present", true, "HostbasedAuthentication", "yes", "IgnoreRhosts", "no"),
                f.evidence().get("sshd"));
    }

    @Test
    void namedEntryIsMediumNetgroupCriticalEmptyFileLow() {
        Results r = new TestRoot(dir)
                .write("home/alice/.shosts", "trusted.example.com alice\n-evil.example.com\n")
                .write("home/bob/.rhosts", "")
                .write("etc/shosts.equiv", "+@admins\n")
                .run(new TrustDetector());
        assertEquals(List.of(
                "linux.trust.wildcard critical /etc/shosts.equiv",
                "linux.trust.entry medium /home/alice/.shosts",
                "linux.trust.empty_file low /home/bob/.rhosts"), TestRoot.brief(r));
        assertEquals(Map.of("config_present", false, "HostbasedAuthentication", "no (default)",
                "IgnoreRhosts", "yes (default)"), r.findings().get(1).evidence().get("sshd"));
    }

    @Test
    void denyLinesAndDevNullLinksAreQuiet() {
        Results r = new TestRoot(dir)
                .write("etc/hosts.equiv", "-badhost\n+ -\n")
                .symlink("root/.rhosts", "/dev/null")
                .run(new TrustDetector());
        assertEquals(List.of(), TestRoot.brief(r));
        assertEquals(List.of(), r.errors());
    }

    @Test
    void noTrustFilesNoFindings() {
        Results r = new TestRoot(dir).run(new TrustDetector());
        assertEquals(List.of(), TestRoot.brief(r));
    }
}
