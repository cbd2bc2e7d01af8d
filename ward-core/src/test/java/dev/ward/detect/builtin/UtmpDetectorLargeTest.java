package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ward.collect.logs.UtmpParserTest;
import dev.ward.detect.Results;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A wtmp of 100,000 logins (written by utmpdump -r) against an authentication log that has each of
 * them: every login is matched with the log's by user and time, without comparing each with all.
 * The time is a guard against a hang only.
 */
class UtmpDetectorLargeTest {
    private static final int LOGINS = 100_000;
    private static final DateTimeFormatter SYSLOG = DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void everyLoginMatchedInTheLog() throws Exception {
        StringBuilder auth = new StringBuilder();
        StringBuilder wtmp = new StringBuilder();
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < LOGINS; i++) {
            Instant t = start.plusSeconds(i);
            auth.append(SYSLOG.format(t)).append(" web1 sshd[").append(1000 + i).append("]: Accepted publickey for alice from ")
                    .append("198.51.100.7 port ").append(i % 60000 + 1024).append(" ssh2\n");
            wtmp.append(UtmpDetectorTest.login("alice", "198.51.100.7", t.toString().replace("Z", "")));
        }
        Path log = dir.resolve("var/log");
        Files.createDirectories(log);
        Files.writeString(log.resolve("auth.log"), auth);
        Files.setLastModifiedTime(log.resolve("auth.log"), FileTime.from(start.plus(Duration.ofDays(2))));
        Files.write(log.resolve("wtmp"), UtmpParserTest.utmpdumpReverse(wtmp.toString()));
        long began = System.nanoTime();
        Results r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> TestRoot.run(dir, new UtmpDetector()));
        System.out.printf("%d logins against as many lines: %.2f s%n", LOGINS, (System.nanoTime() - began) / 1e9);
        assertEquals(List.of(), TestRoot.brief(r));
        assertEquals(List.of(), r.errors());
    }
}
