package dev.ward.baseline;

import static dev.ward.baseline.BaselineFixtures.INFO;
import static dev.ward.baseline.BaselineFixtures.file;
import static dev.ward.baseline.BaselineFixtures.symlink;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.baseline.BaselineSignature.Status;
import dev.ward.baseline.BaselineSignature.Verdict;
import dev.ward.host.SqliteNative;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineSignatureTest {
    @TempDir
    Path dir;
    KeyPair key;
    Path db;

    @BeforeEach
    void signedBaseline() throws IOException {
        key = KeyFiles.generate(dir.resolve("ward.key"), dir.resolve("ward.pub"));
        db = dir.resolve("base.db");
        try (BaselineWriter w = BaselineWriter.create(db, INFO, key)) {
            w.add(file("/etc/shadow", 1));
            w.add(symlink("/bin", "usr/bin"));
            w.add(file("/usr/bin/sudo", 2));
            w.commit();
        }
    }

    private Verdict verify(Path file, KeyPair with) throws IOException {
        try (BaselineReader r = BaselineReader.open(file)) {
            return BaselineSignature.verify(r, with.getPublic());
        }
    }

    private void sql(String statement) throws SQLException {
        SqliteNative.configure(); // as ward does, so SQLite is not loaded from /tmp
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            st.executeUpdate(statement);
        }
    }

    @Test
    void anUntouchedBaselineVerifies() throws IOException {
        Verdict v = verify(db, key);
        assertEquals(Status.VALID, v.status(), v.message());
        try (BaselineReader r = BaselineReader.open(db)) {
            assertEquals(KeyFiles.fingerprint(key.getPublic()), r.header().signer());
        }
    }

    @Test
    void oneEditedRowIsCaught() throws IOException, SQLException {
        sql("UPDATE entries SET perm = 2541 WHERE path = CAST('/usr/bin/sudo' AS BLOB)");
        assertEquals(new Verdict(Status.INVALID, "baseline " + db + " was modified after it was signed"), verify(db, key));
    }

    @Test
    void aDeletedRowOrAnEditedHeaderIsCaught() throws IOException, SQLException {
        sql("UPDATE header SET value = 'web02' WHERE key = 'host'");
        assertEquals(Status.INVALID, verify(db, key).status());
        sql("UPDATE header SET value = 'web01' WHERE key = 'host'");
        assertEquals(Status.VALID, verify(db, key).status());
        sql("DELETE FROM entries WHERE path = CAST('/etc/shadow' AS BLOB)");
        assertEquals(Status.INVALID, verify(db, key).status());
    }

    @Test
    void anotherKeyDoesNotVerify() throws IOException {
        KeyPair other = KeyFiles.generate(dir.resolve("other.key"), dir.resolve("other.pub"));
        Verdict v = verify(db, other);
        assertEquals(Status.INVALID, v.status());
        assertEquals(true, v.message().contains("was signed by another key"), v.message());
    }

    @Test
    void anUnsignedBaselineSaysSo() throws IOException {
        Path plain = dir.resolve("plain.db");
        BaselineStoreTest.write(plain, java.util.List.of(file("/a", 1)));
        assertEquals(new Verdict(Status.UNSIGNED, "baseline " + plain + " is not signed"), verify(plain, key));
    }
}
