package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ward.host.SqliteNative;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, check and update on a real tree, signed, with planted changes and a tampered baseline. */
class BaselineCommandTest {
    @TempDir
    Path dir;

    private List<String> paths(JsonNode changes, String kind) {
        List<String> out = new ArrayList<>();
        changes.get(kind).forEach(c -> out.add(c.get("path").asText()));
        return out;
    }

    @Test
    void signedBaselineFindsPlantedChangesAndRefusesAnEditedOne() throws Exception {
        Path tree = Files.createDirectories(dir.resolve("root/usr/bin"));
        Files.writeString(tree.resolve("ls"), "binary ls");
        Files.writeString(tree.resolve("cat"), "binary cat");
        Files.writeString(tree.resolve("rev"), "binary rev");
        Path rules = dir.resolve("rules.conf");
        Files.writeString(rules, "NORMAL = p+i+n+u+g+s+m+c+sha256\n/usr/bin NORMAL\n");
        Path key = dir.resolve("k");
        assertEquals(0, ward("key", "generate", key.toString()).status());
        Path db = dir.resolve("base.db");
        String[] common = {"--config", rules.toString(), "--db", db.toString(), "--root", dir.resolve("root").toString()};
        MainTest.Run init = ward(concat(new String[] {"baseline", "init", "--sign-key", key.toString()}, common));
        assertEquals(0, init.status(), init.err());

        FileTime mtime = Files.getLastModifiedTime(tree.resolve("ls"));
        Files.writeString(tree.resolve("ls"), "binary lz");
        Files.setLastModifiedTime(tree.resolve("ls"), mtime); // content changed, mtime put back
        Files.delete(tree.resolve("rev"));
        Files.writeString(tree.resolve("new"), "planted");
        Path report = dir.resolve("check.json");
        MainTest.Run check = ward(concat(new String[] {"baseline", "check", "--verify-key", key + ".pub",
            "--format", "json", "-o", report.toString()}, common));
        assertEquals(1 | 2 | 4, check.status(), check.err());
        JsonNode changes = new ObjectMapper().readTree(report.toFile()).get("changes");
        assertEquals(List.of("/usr/bin/new"), paths(changes, "added"));
        assertEquals(List.of("/usr/bin/rev"), paths(changes, "removed"));
        assertTrue(paths(changes, "changed").contains("/usr/bin/ls"), changes.toString());
        MainTest.Run trusting = ward(concat(new String[] {"baseline", "check", "--trust-ctime",
            "--format", "json", "-o", report.toString()}, common));
        assertEquals(1 | 2 | 4, trusting.status(), trusting.err()); // the put-back mtime does not hide the edit
        JsonNode trusted = new ObjectMapper().readTree(report.toFile()).get("changes");
        assertEquals(paths(changes, "changed"), paths(trusted, "changed"));

        SqliteNative.configure(); // as ward does, so SQLite is not loaded from /tmp
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.createStatement().executeUpdate("UPDATE entries SET size = size + 1");
        }
        MainTest.Run tampered = ward(concat(new String[] {"baseline", "check", "--verify-key", key + ".pub"}, common));
        assertEquals(65, tampered.status());
        assertTrue(tampered.err().contains("modified after it was signed"), tampered.err());

        MainTest.Run update = ward(concat(new String[] {"baseline", "update"}, common));
        assertTrue(update.err().contains("not signed") || update.status() < 64, update.err());
        MainTest.Run after = ward(concat(new String[] {"baseline", "check"}, common));
        assertEquals(0, after.status() & 7, after.out());
    }

    @Test
    void aBrokenRuleFileNamesItsLine() throws Exception {
        Path rules = dir.resolve("rules.conf");
        Files.writeString(rules, "NORMAL = p+tiger\n/usr NORMAL\n");
        MainTest.Run r = ward("baseline", "init", "--config", rules.toString(), "--db", dir.resolve("db").toString(),
                "--root", dir.toString());
        assertEquals(65, r.status());
        assertTrue(r.err().contains("rules.conf:1:"), r.err());
        assertTrue(Files.notExists(dir.resolve("db")));
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
