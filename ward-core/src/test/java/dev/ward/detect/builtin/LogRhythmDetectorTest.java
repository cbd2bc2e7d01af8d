package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.logs.UtmpParserTest;
import dev.ward.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log that writes every few minutes, cut or stepped back. */
class LogRhythmDetectorTest {
    @TempDir
    Path dir;

    /** Cron's session lines every five minutes of a day. */
    static String day(int day) {
        StringBuilder s = new StringBuilder();
        for (int m = 0; m < 24 * 60; m += 5) {
            s.append(String.format("Nov %2d %02d:%02d:01 web1 CRON[%d]: pam_unix(cron:session): session opened for user root%n",
                    day, m / 60, m % 60, 1000 + m));
        }
        return s.toString();
    }

    private List<Finding> run(String log, byte[] wtmp) throws Exception {
        PackagedRoot r = new PackagedRoot(dir).write("/var/log/auth.log", log);
        Files.setLastModifiedTime(dir.resolve("var/log/auth.log"), FileTime.from(Instant.parse("2026-11-30T00:00:00Z")));
        if (wtmp != null) {
            Files.write(dir.resolve("var/log/wtmp"), wtmp);
        }
        return r.run(new LogRhythmDetector());
    }

    @Test
    void steadyLogIsQuiet() throws Exception {
        assertEquals(List.of(), run(day(20) + day(21) + day(22), null));
    }

    @Test
    void daysCutOut() throws Exception {
        List<Finding> found = run(day(20) + day(23), null);
        assertEquals(List.of("medium linux.logs.gap /var/log/auth.log"), PackagedRoot.brief(found));
        assertEquals("2026-11-20T23:55:01Z", found.getFirst().evidence().get("from"));
        assertEquals("2026-11-23T00:00:01Z", found.getFirst().evidence().get("to"));
    }

    @Test
    void aBootExplainsTheSilence() throws Exception {
        byte[] wtmp = UtmpParserTest.utmpdumpReverse("[2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-26-amd64      ] "
                + "[0.0.0.0        ] [2026-11-22T23:59:00,000000+00:00]\n");
        assertEquals(List.of(), run(day(20) + day(23), wtmp));
    }

    @Test
    void timeSteppingBack() throws Exception {
        String log = day(20) + "Nov 20 08:00:00 web1 sshd[1]: Accepted publickey for alice from 198.51.100.7 port 1 ssh2\n";
        List<Finding> found = run(log, null);
        assertEquals(List.of("medium linux.logs.time_backwards /var/log/auth.log"), PackagedRoot.brief(found));
        assertEquals(289L, found.getFirst().evidence().get("line"));
    }
}
