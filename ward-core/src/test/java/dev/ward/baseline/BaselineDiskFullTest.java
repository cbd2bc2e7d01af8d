package dev.ward.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk fails cleanly: a one-line error naming the target, no temporary file left, the old
 * baseline kept. Needs root to mount a tiny tmpfs; skipped elsewhere.
 */
class BaselineDiskFullTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskFailsNamingTheFileAndKeepsTheOldBaseline() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a tmpfs");
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", dir.toString()), "mount failed");
        try {
            Path db = dir.resolve("base.db");
            BaselineStoreTest.write(db, List.of(BaselineFixtures.file("/old", 1)));
            BaselineException e = assertThrows(BaselineException.class, () -> {
                try (BaselineWriter w = BaselineWriter.create(db, BaselineFixtures.INFO, null)) {
                    for (long i = 0; i < 100_000; i++) {
                        w.add(BaselineFixtures.file(BaselineFixtures.numbered(i), i));
                    }
                    w.commit();
                }
            });
            assertEquals(db + ": disk full while writing the baseline", e.getMessage());
            assertEquals(List.of(BaselineFixtures.file("/old", 1)), BaselineStoreTest.readAll(db));
            try (var files = Files.list(dir)) {
                assertEquals(List.of(db), files.toList());
            }
        } finally {
            run("umount", dir.toString());
        }
    }

    private static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return p.waitFor() == 0;
    }
}
