package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.collect.Scan;
import dev.ward.detect.Results;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginDetectorTest {
    @TempDir
    Path dir;

    static String failures(String source, int count, int minute, int everySeconds) {
        return IntStream.range(0, count).mapToObj(i -> {
            int s = minute * 60 + i * everySeconds;
            return String.format("Nov 20 %02d:%02d:%02d web1 sshd[%d]: Failed password for root from %s port %d ssh2%n",
                    s / 3600, s / 60 % 60, s % 60, 4100 + i, source, 40000 + i);
        }).collect(Collectors.joining());
    }

    private Path log(String name, String text, String mtime) throws Exception {
        Path p = dir.resolve("var/log/" + name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        Files.setLastModifiedTime(p, FileTime.from(Instant.parse(mtime)));
        return p;
    }

    private List<Finding> run() throws Exception {
        try (HostRoot root = HostRoot.open(dir)) {
            Results out = new Results();
            new LoginDetector().detect(new Scan(root, InstantSource.system()), out);
            assertEquals(List.of(), out.errors());
            return out.findings();
        }
    }

    @Test
    void burstsAreBruteForceSlowTriesAreNot() throws Exception {
        log("auth.log", failures("198.51.100.1", 4, 60, 10)      // four: under the threshold
                + failures("198.51.100.2", 5, 120, 100)          // five within 10 minutes
                + failures("198.51.100.3", 6, 180, 900), "2026-11-21T00:00:00Z"); // six, 15 minutes apart
        assertEquals(List.of("medium linux.logs.brute_force /var/log/auth.log"), PackagedRoot.brief(run()));
        assertTrue(run().getFirst().summary().startsWith("5 failed logins from 198.51.100.2"), run().getFirst().summary());
    }

    /** The failures in a rotated, gzip-compressed log (written by gzip itself), the success in the current one. */
    @Test
    void successAfterFailuresAcrossRotations() throws Exception {
        Path old = log("auth.log.2", failures("203.0.113.45", 40, 12, 6), "2026-11-20T04:00:00Z");
        assertEquals(0, new ProcessBuilder("gzip", "-k", old.toString()).start().waitFor());
        Files.setLastModifiedTime(dir.resolve("var/log/auth.log.2.gz"), FileTime.from(Instant.parse("2026-11-20T04:00:00Z")));
        Files.delete(old);
        log("auth.log.1", "", "2026-11-21T00:00:00Z");
        log("auth.log", "Nov 22 09:00:00 web1 sshd[5000]: Accepted password for root from 203.0.113.45 port 5 ssh2\n",
                "2026-11-22T10:00:00Z");
        List<Finding> found = run();
        assertEquals(List.of("high linux.logs.success_after_failures /var/log/auth.log",
                "medium linux.logs.brute_force /var/log/auth.log.2.gz",
                "medium linux.logs.root_login /var/log/auth.log"),
                PackagedRoot.brief(found).stream().sorted().toList());
        Finding success = found.stream().filter(f -> f.check().endsWith("success_after_failures")).findFirst().orElseThrow();
        assertEquals(40L, success.evidence().get("failures_before"));
        assertEquals("2026-11-22T09:00:00Z", success.evidence().get("time"));
    }

    /** A month of alice logging in from one address at nine, then once from another at three in the night. */
    @Test
    void newAddressAndUnusualHourAgainstTheUsersHistory() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int day = 1; day <= 25; day++) {
            text.append(String.format("Oct %2d 09:%02d:00 web1 sshd[%d]: Accepted publickey for alice from 198.51.100.7 port 2 ssh2%n",
                    day, day, 100 + day));
        }
        text.append("Oct 28 03:10:00 web1 sshd[999]: Accepted publickey for alice from 203.0.113.9 port 2 ssh2\n");
        log("auth.log", text.toString(), "2026-11-01T00:00:00Z");
        List<Finding> found = run();
        assertEquals(List.of("low linux.logs.new_source_for_user /var/log/auth.log", "low linux.logs.unusual_hour /var/log/auth.log"),
                PackagedRoot.brief(found).stream().sorted().toList());
        assertEquals(25, found.getFirst().evidence().get("earlier_logins"));
    }

    /** The shared brute-force scenario, planted by its own script. */
    @Test
    void sharedBruteForceScenario() throws Exception {
        Path script = Path.of("../../shared/scenarios/offline/10-ssh-brute-force.sh");
        assumeTrue(Files.isRegularFile(script), "no ../shared/scenarios: skipped");
        Process p = new ProcessBuilder("bash", script.toString(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
        String ip = out.lines().filter(l -> l.startsWith("expect: ")).findFirst().orElseThrow().substring(8);
        List<Finding> found = run();
        assertTrue(found.stream().anyMatch(f -> f.check().equals("linux.logs.success_after_failures")
                && f.evidence().get("source").equals(ip)), PackagedRoot.brief(found).toString());
        assertTrue(found.stream().anyMatch(f -> f.check().equals("linux.logs.brute_force") && f.summary().contains(ip)));
    }
}
