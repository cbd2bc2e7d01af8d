package dev.ward.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ward.host.SqliteNative;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineOpenErrorsTest {
    @TempDir
    Path dir;

    private String openError(Path file) {
        return assertThrows(BaselineException.class, () -> BaselineReader.open(file).close()).getMessage();
    }

    @Test
    void aFileThatIsNotSqliteIsRefusedClearly() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.txt"), "root:x:0:0:root:/root:/bin/bash\n".repeat(200));
        assertEquals(f + ": not a ward baseline (not an SQLite database)", openError(f));
    }

    @Test
    void anSqliteDatabaseOfSomethingElseIsRefusedClearly() throws SQLException {
        Path f = dir.resolve("other.db");
        SqliteNative.configure(); // as ward does, so SQLite is not loaded from /tmp
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE moz_places (id INTEGER)");
        }
        assertEquals(f + ": not a ward baseline (no header table)", openError(f));
    }

    @Test
    void aMissingFileOrADirectoryIsRefused() {
        assertEquals(dir.resolve("none.db") + ": no such file", openError(dir.resolve("none.db")));
        assertEquals(dir + ": not a regular file", openError(dir));
    }

    @Test
    void aLaterFormatIsRefusedWithBothVersions() throws IOException, SQLException {
        Path f = dir.resolve("base.db");
        BaselineStoreTest.write(f, java.util.List.of());
        SqliteNative.configure(); // as ward does, so SQLite is not loaded from /tmp
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f); Statement st = c.createStatement()) {
            st.execute("UPDATE header SET value = '9' WHERE key = 'format_version'");
        }
        assertEquals(f + ": baseline format 9, this ward reads format 1", openError(f));
    }
}
