package dev.ward.baseline;

import static dev.ward.baseline.BaselineFixtures.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.baseline.BaselineSignature.Status;
import dev.ward.host.SqliteNative;
import dev.ward.host.TargetFile;
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

/**
 * kill -9 in the middle of a write leaves the previous baseline whole and verifiable, and the next
 * write removes what the killed one left; a second writer of the same baseline meanwhile is refused.
 */
class BaselineCrashTest {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterLeavesThePreviousBaselineIntact() throws Exception {
        KeyPair key = KeyFiles.generate(dir.resolve("ward.key"), dir.resolve("ward.pub"));
        Path db = dir.resolve("base.db");
        write(db, key, 1);
        byte[] before = Files.readAllBytes(db);

        Process child = slowWriter(db);
        try {
            assertEquals(List.of(".base.db." + child.pid() + ".d"), partials());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }

        assertEquals(List.of(file("/etc/passwd", 1)), BaselineStoreTest.readAll(db));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(db)), "the target changed");
        try (BaselineReader r = BaselineReader.open(db)) {
            assertEquals(Status.VALID, BaselineSignature.verify(r, key.getPublic()).status());
        }
        assertEquals(1, partials().size(), "the killed writer's directory stays until the next write");
        write(db, key, 2);
        assertEquals(List.of(), partials(), "the next write removes what a dead writer left");
        assertEquals(List.of(file("/etc/passwd", 2)), BaselineStoreTest.readAll(db));
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstWrites() throws Exception {
        Path db = dir.resolve("base.db");
        write(db, null, 1);
        Process child = slowWriter(db);
        try {
            TargetFile.Busy busy = assertThrows(TargetFile.Busy.class, () -> write(db, null, 2));
            assertEquals(db + ": another ward is writing it; run again when it has finished", busy.getMessage());
        } finally {
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(List.of(file("/etc/passwd", 1)), BaselineStoreTest.readAll(db));
        write(db, null, 3);
        assertEquals(List.of(file("/etc/passwd", 3)), BaselineStoreTest.readAll(db));
    }

    private static void write(Path db, KeyPair key, long seed) throws IOException {
        try (BaselineWriter w = BaselineWriter.create(db, BaselineFixtures.INFO, key)) {
            w.add(file("/etc/passwd", seed));
            w.commit();
        }
    }

    /** A child JVM writing to {@code db} slowly, once it says it is mid-write. */
    private static Process slowWriter(Path db) throws IOException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-D" + SqliteNative.DIR + "=" + System.getProperty(SqliteNative.DIR),
                "-cp", System.getProperty("java.class.path"),
                BaselineSlowWriter.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("writing")) {
            // skip JVM warnings until the child reports it is mid-write
        }
        if (line == null) {
            child.destroyForcibly();
        }
        assertEquals("writing", line, "the child never started writing");
        return child;
    }

    /** What writers left beside the baseline. */
    private List<String> partials() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".base.db.")).sorted().toList();
        }
    }
}
