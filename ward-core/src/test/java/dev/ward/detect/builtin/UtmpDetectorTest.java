package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.UtmpParserTest;
import dev.ward.detect.Results;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wtmp written by utmpdump -r, then edited as log cleaners edit it. */
class UtmpDetectorTest {
    @TempDir
    Path dir;

    static byte[] utmp(String text) throws Exception {
        return UtmpParserTest.utmpdumpReverse(text);
    }

    static String login(String user, String host, String time) {
        return "[7] [04190] [ts/0] [" + user + "] [pts/0] [" + host + "] [" + host + "] [" + time + ",000000+00:00]\n";
    }

    private List<Finding> run(byte[] wtmp, String authLog) throws Exception {
        Path log = dir.resolve("var/log");
        Files.createDirectories(log);
        Files.write(log.resolve("wtmp"), wtmp);
        Files.writeString(log.resolve("auth.log"), authLog);
        Files.setLastModifiedTime(log.resolve("auth.log"), FileTime.from(Instant.parse("2026-11-21T00:00:00Z")));
        try (HostRoot root = HostRoot.open(dir)) {
            Results out = new Results();
            new UtmpDetector().detect(new Scan(root, InstantSource.system()), out);
            assertEquals(List.of(), out.errors());
            return out.findings();
        }
    }

    static final String AUTH = """
            Nov 20 03:00:00 web1 sshd[1]: Accepted publickey for alice from 198.51.100.7 port 1 ssh2
            Nov 20 09:00:00 web1 sshd[2]: Accepted publickey for bob from 198.51.100.8 port 2 ssh2
            Nov 20 12:00:00 web1 sshd[3]: Accepted publickey for bob from 198.51.100.8 port 3 ssh2
            """;

    @Test
    void consistentLogsAreQuiet() throws Exception {
        byte[] wtmp = utmp(login("alice", "198.51.100.7", "2026-11-20T03:00:01") + login("bob", "198.51.100.8", "2026-11-20T09:00:01"));
        assertEquals(List.of(), run(wtmp, AUTH));
    }

    @Test
    void zeroedRecordAndTimeGoingBackwards() throws Exception {
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        w.writeBytes(utmp(login("alice", "198.51.100.7", "2026-11-20T03:00:01")));
        w.writeBytes(new byte[384]); // a login wiped as wzap does
        w.writeBytes(utmp(login("bob", "198.51.100.8", "2026-11-20T09:00:01")));
        w.writeBytes(utmp(login("bob", "198.51.100.8", "2026-11-20T05:00:00"))); // moved back
        List<Finding> found = run(w.toByteArray(), AUTH.replace("Nov 20 09:00:00", "Nov 20 05:00:00"));
        assertEquals(List.of("high linux.logs.utmp_zeroed_record /var/log/wtmp",
                "medium linux.logs.utmp_time_backwards /var/log/wtmp",
                "medium linux.logs.wtmp_login_not_in_auth_log /var/log/wtmp"),
                PackagedRoot.brief(found).stream().sorted().toList());
        Finding zeroed = found.stream().filter(f -> f.check().endsWith("zeroed_record")).findFirst().orElseThrow();
        assertEquals("/var/log/wtmp has a record of zero bytes at offset 384, between 2026-11-20T03:00:01Z and "
                + "2026-11-20T09:00:01Z", zeroed.summary());
    }

    @Test
    void bootWithoutShutdownBeforeIt() throws Exception {
        byte[] wtmp = utmp("""
                [2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-26-amd64      ] [0.0.0.0        ] [2026-11-18T08:00:00,000000+00:00]
                [1] [00000] [~~  ] [shutdown] [~~          ] [6.1.0-26-amd64      ] [0.0.0.0        ] [2026-11-19T08:00:00,000000+00:00]
                [2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-26-amd64      ] [0.0.0.0        ] [2026-11-19T08:01:00,000000+00:00]
                [2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-27-amd64      ] [0.0.0.0        ] [2026-11-20T03:20:00,000000+00:00]
                """);
        List<Finding> found = run(wtmp, AUTH);
        assertEquals(List.of("low linux.logs.unplanned_reboot /var/log/wtmp"), PackagedRoot.brief(found));
        assertEquals("2026-11-20T03:20:00Z", found.getFirst().evidence().get("boot"));
        assertEquals("6.1.0-27-amd64", found.getFirst().evidence().get("kernel"));
    }

    @Test
    void clockSetBack() throws Exception {
        byte[] wtmp = utmp("""
                [4] [00000] [    ] [date    ] [|           ] [                    ] [0.0.0.0        ] [2026-11-20T10:00:00,000000+00:00]
                [3] [00000] [    ] [date    ] [{           ] [                    ] [0.0.0.0        ] [2026-11-19T10:00:00,000000+00:00]
                """);
        List<Finding> found = run(wtmp, AUTH);
        assertEquals(List.of("low linux.logs.clock_changed /var/log/wtmp"), PackagedRoot.brief(found));
        assertEquals(-86400L, found.getFirst().evidence().get("seconds"));
    }

    @Test
    void loginRemovedFromTheAuthLog() throws Exception {
        byte[] wtmp = utmp(login("alice", "198.51.100.7", "2026-11-20T03:00:01") + login("mallory", "203.0.113.9", "2026-11-20T07:30:00"));
        List<Finding> found = run(wtmp, AUTH);
        assertEquals(List.of("medium linux.logs.wtmp_login_not_in_auth_log /var/log/wtmp"), PackagedRoot.brief(found));
        assertEquals("mallory", found.getFirst().evidence().get("user"));
        List<Finding> outside = run(utmp(login("carol", "203.0.113.9", "2026-11-21T07:30:00")), AUTH);
        assertEquals(List.of(), outside, "after the last line of the log: nothing to compare with");
    }
}
