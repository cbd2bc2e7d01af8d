package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ward.host.SqliteNative;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A baseline is a file an intruder may have had in hand: an unsigned one edited with sqlite3 must
 * give a one-line error naming the file and the row (exit 65, bad data), never an internal error;
 * and every check says which baseline it compared with, and warns of one so old it may be a replay.
 */
class HostileBaselineTest {
    @TempDir
    Path dir;

    private Path db;
    private String[] common;

    @BeforeEach
    void baseline() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("root/usr/bin"));
        for (String name : new String[] {"cat", "ls", "rev"}) {
            Files.writeString(bin.resolve(name), "binary " + name);
        }
        Path rules = Files.writeString(dir.resolve("rules.conf"), "N = p+u+g+s+m+c+sha256+xattrs\n/usr/bin N\n");
        db = dir.resolve("base.db");
        common = new String[] {"--config", rules.toString(), "--db", db.toString(), "--root", dir.resolve("root").toString()};
        MainTest.Run init = ward(args("baseline", "init"));
        assertEquals(0, init.status(), init.err());
    }

    private String[] args(String... head) {
        String[] all = java.util.Arrays.copyOf(head, head.length + common.length);
        System.arraycopy(common, 0, all, head.length, common.length);
        return all;
    }

    private void sql(String statement) throws Exception {
        SqliteNative.configure();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().executeUpdate(statement);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "UPDATE entries SET hashes = 'garbage' WHERE path = CAST('/usr/bin/ls' AS BLOB)         | row 3: malformed hashes value",
        "UPDATE entries SET xattrs = 'user.x' WHERE path = CAST('/usr/bin/ls' AS BLOB)          | row 3: malformed xattrs value",
        "UPDATE entries SET type = 'BOGUS' WHERE path = CAST('/usr/bin/cat' AS BLOB)            | row 2: unknown type 'BOGUS'",
        "UPDATE entries SET path = CAST('usr/bin/cat' AS BLOB) WHERE path = CAST('/usr/bin/cat' AS BLOB) | not an absolute path",
        "UPDATE entries SET mtime_ns = 5000000000 WHERE path = CAST('/usr/bin/rev' AS BLOB)     | row 4: a time out of range",
        "UPDATE entries SET path = CAST(path AS TEXT) WHERE path = CAST('/usr/bin/rev' AS BLOB) | paths out of order or repeated",
    })
    void anEditedRowIsBadDataNamingTheRow(String edit, String expected) throws Exception {
        sql(edit);
        for (String verb : new String[] {"check", "update"}) {
            MainTest.Run r = ward(args("baseline", verb));
            assertEquals(65, r.status(), verb + ": " + r.err());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("ward: ")).count(), r.err());
            assertTrue(r.err().contains("ward: " + db + ": ") && r.err().contains(expected.strip()), r.err());
        }
    }

    @Test
    void aFileThatIsNoBaselineIsBadDataAndAMissingOneIsMissingInput() throws Exception {
        Files.write(db, new byte[4096]);
        MainTest.Run zeros = ward(args("baseline", "check"));
        assertEquals(65, zeros.status(), zeros.err());
        assertTrue(zeros.err().startsWith("ward: " + db + ": not a ward baseline"), zeros.err());
        Files.delete(db);
        MainTest.Run missing = ward(args("baseline", "check"));
        assertEquals(66, missing.status(), missing.err());
    }

    /** An edited header asking for a write-ahead log makes SQLite write beside a file it reads, unless told it is immutable. */
    @Test
    void aBaselineSetToWriteAheadLoggingIsReadWithoutWritingBesideIt() throws Exception {
        SqliteNative.configure();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().execute("PRAGMA journal_mode=WAL");
        }
        try (var files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().startsWith("base.db-")).forEach(p -> p.toFile().delete());
        }
        MainTest.Run check = ward(args("baseline", "check"));
        assertEquals(0, check.status(), check.err());
        try (var files = Files.list(dir)) {
            assertEquals(java.util.List.of("base.db"), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("base.db")).toList());
        }
    }

    @Test
    void aCheckSaysWhichBaselineItComparedWithAndWarnsOfAnOldOne() throws Exception {
        Path report = dir.resolve("check.json");
        MainTest.Run fresh = ward(args("baseline", "check", "--format", "json", "-o", report.toString(), "-q"));
        assertEquals(0, fresh.status(), fresh.err());
        JsonNode summary = new ObjectMapper().readTree(report.toFile()).get("summary");
        assertEquals("unsigned", summary.get("baseline_signed_by").asText());
        assertEquals(4, summary.get("baseline_entries").asInt()); // /usr/bin and its three files
        assertTrue(summary.has("baseline_created") && summary.has("baseline_host"), summary.toString());
        assertTrue(fresh.err().lines().noneMatch(l -> l.contains("--max-age")), fresh.err());

        sql("UPDATE header SET value = '2020-01-01T00:00:00Z' WHERE key = 'created'");
        MainTest.Run old = ward(args("baseline", "check", "--max-age", "30d"));
        assertEquals(0, old.status(), old.err());
        assertTrue(old.out().contains("baseline_created: 2020-01-01T00:00:00Z"), old.out());
        assertTrue(old.err().contains("made 2020-01-01T00:00:00Z") && old.err().contains("old copy put back"), old.err());
        MainTest.Run never = ward(args("baseline", "check", "--max-age", "0d"));
        assertTrue(never.err().lines().noneMatch(l -> l.contains("old copy")), never.err());
    }
}
