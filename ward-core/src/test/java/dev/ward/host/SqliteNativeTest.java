package dev.ward.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteNativeTest {
    /** SQLite's library is mapped from the build's native directory, and none from /tmp. */
    @Test
    void loadedFromWardsOwnDirectory() throws Exception {
        SqliteNative.configure();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.createStatement().execute("SELECT 1");
        }
        List<String> sqlite = Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(l -> l.contains("libsqlitejdbc")).map(l -> l.substring(l.indexOf('/'))).distinct().toList();
        String dir = Path.of(System.getProperty(SqliteNative.DIR)).toRealPath().toString();
        assertEquals(1, sqlite.size(), sqlite.toString());
        assertTrue(sqlite.getFirst().startsWith(dir + "/org/sqlite/native/Linux/"), sqlite.getFirst());
    }
}
