package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.LastlogCollectorTest;
import dev.ward.collect.logs.UtmpParserTest;
import dev.ward.detect.Results;
import dev.ward.host.HostRoot;
import dev.ward.host.SqliteNative;
import dev.ward.model.Finding;
import dev.ward.model.LastLogin;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
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

    /** A clock change whose new time was zeroed (or never written) is no finding, and no failure. */
    @Test
    void clockChangeWithoutItsNewTime() throws Exception {
        byte[] wtmp = utmp("""
                [4] [00000] [    ] [date    ] [|           ] [                    ] [0.0.0.0        ] [2026-11-20T10:00:00,000000+00:00]
                [3] [00000] [    ] [date    ] [{           ] [                    ] [0.0.0.0        ] [1970-01-01T00:00:00,000000+00:00]
                """);
        assertEquals(List.of(), run(wtmp, AUTH));
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

    /** lastlog's record of bob's last login is left while wtmp's record of it was removed; alice's matches. */
    @Test
    void lastLoginWtmpLacks() throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n"
                + "alice:x:1000:1000::/home/alice:/bin/bash\nbob:x:1001:1001::/home/bob:/bin/bash\n");
        Files.createDirectories(dir.resolve("var/log"));
        Files.write(dir.resolve("var/log/lastlog"), LastlogCollectorTest.lastlog(292,
                new LastLogin("alice", Instant.parse("2026-11-20T03:00:01Z"), "pts/0", "198.51.100.7", ""), 1000,
                new LastLogin("bob", Instant.parse("2026-11-20T12:00:00Z"), "pts/1", "198.51.100.8", ""), 1001));
        byte[] wtmp = utmp(login("alice", "198.51.100.7", "2026-11-20T03:00:01") + login("bob", "198.51.100.8", "2026-11-20T09:00:01"));
        List<Finding> found = run(wtmp, AUTH);
        assertEquals(List.of("medium linux.logs.lastlog_not_in_wtmp /var/log/lastlog"), PackagedRoot.brief(found));
        assertEquals("bob last logged in at 2026-11-20T12:00:00Z from 198.51.100.8 on pts/1 (/var/log/lastlog): no login "
                + "of bob within two minutes in wtmp, which covers 2026-11-20T03:00:01Z onwards", found.getFirst().summary());
    }

    /**
     * wtmpdb's database, written by SQLite with wtmpdb's own table, in WAL mode with the last rows
     * not yet checkpointed: a clean shutdown is the boot row's logout; the third boot follows one that
     * never ended; mallory's session is in no authentication log.
     */
    @Test
    void wtmpdbRows() throws Exception {
        Path db = dir.resolve("var/lib/wtmpdb/wtmp.db");
        Files.createDirectories(db.getParent());
        SqliteNative.configure(); // as ward does, so SQLite is not loaded from /tmp
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA wal_autocheckpoint=0");
            st.execute("CREATE TABLE IF NOT EXISTS wtmp(ID INTEGER PRIMARY KEY, Type INTEGER, User TEXT NOT NULL, "
                    + "Login INTEGER, Logout INTEGER, TTY TEXT, RemoteHost TEXT, Service TEXT) STRICT");
            st.execute("INSERT INTO wtmp (Type,User,Login,Logout,TTY,RemoteHost,Service) VALUES "
                    + "(1,'reboot'," + micros("2026-11-18T08:00:00Z") + "," + micros("2026-11-19T08:00:00Z") + ",'~','6.1.0-26-amd64',NULL),"
                    + "(1,'reboot'," + micros("2026-11-19T08:01:00Z") + ",NULL,'~','6.1.0-26-amd64',NULL),"
                    + "(3,'alice'," + micros("2026-11-20T03:00:01Z") + "," + micros("2026-11-20T04:00:00Z") + ",'pts/0','198.51.100.7','sshd'),"
                    + "(1,'reboot'," + micros("2026-11-20T03:20:00Z") + ",NULL,'~','6.1.0-27-amd64',NULL),"
                    + "(3,'mallory'," + micros("2026-11-20T07:30:00Z") + ",NULL,'pts/1','203.0.113.9','sshd')");
            List<String> before = listing(db.getParent());
            List<Finding> found = run(new byte[0], AUTH);
            assertEquals(List.of("medium linux.logs.wtmp_login_not_in_auth_log /var/lib/wtmpdb/wtmp.db",
                    "low linux.logs.unplanned_reboot /var/lib/wtmpdb/wtmp.db"), PackagedRoot.brief(found));
            assertEquals("mallory", found.getFirst().evidence().get("user"));
            assertEquals("2026-11-20T03:20:00Z", found.get(1).evidence().get("boot"));
            assertEquals(before, listing(db.getParent()), "the database's directory is left as it was");
        }
    }

    private static List<String> listing(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName() + " " + p.toFile().length() + " " + p.toFile().lastModified()).sorted().toList();
        }
    }

    private static long micros(String time) {
        return Instant.parse(time).toEpochMilli() * 1000;
    }
}
