package dev.ward.baseline;

import static dev.ward.baseline.BaselineFixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.baseline.BaselineSignature.Status;
import dev.ward.host.SqliteNative;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 in the middle of a write leaves the previous baseline whole and verifiable. */
class BaselineCrashTest {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesThePreviousBaselineIntact() throws Exception {
        KeyPair key = KeyFiles.generate(dir.resolve("ward.key"), dir.resolve("ward.pub"));
        Path db = dir.resolve("base.db");
        try (BaselineWriter w = BaselineWriter.create(db, BaselineFixtures.INFO, key)) {
            w.add(file("/etc/passwd", 1));
            w.commit();
        }
        byte[] before = Files.readAllBytes(db);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-D" + SqliteNative.DIR + "=" + System.getProperty(SqliteNative.DIR),
                "-cp", System.getProperty("java.class.path"),
                BaselineSlowWriter.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("writing")) {
                // skip JVM warnings until the child reports it is mid-write
            }
            assertEquals("writing", line, "the child never started writing");
            assertTrue(tempFiles().stream().anyMatch(p -> p.getFileName().toString().startsWith(".base.db.tmp-")));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }

        assertEquals(List.of(file("/etc/passwd", 1)), BaselineStoreTest.readAll(db));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "the target changed");
        try (BaselineReader r = BaselineReader.open(db)) {
            assertEquals(Status.VALID, BaselineSignature.verify(r, key.getPublic()).status());
        }
    }

    private List<Path> tempFiles() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().contains(".tmp-")).toList();
        }
    }
}
