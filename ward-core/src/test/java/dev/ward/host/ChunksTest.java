package dev.ward.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file of several chunks read whole from the page cache, with none of it there (a direct read,
 * which leaves the cache as it was), and with only its first pages there: the same bytes each way.
 * The cache is emptied with posix_fadvise(DONTNEED) by python3 and looked at with util-linux's fincore.
 */
class ChunksTest {
    @TempDir
    Path dir;

    @Test
    void everyWayOfReadingGivesTheSameBytes() throws Exception {
        byte[] data = new byte[3 * Chunks.SIZE + 1234];
        new Random(7).nextBytes(data);
        Path file = dir.resolve("data");
        Files.write(file, data);
        String expected = sha256(data);
        try (HostRoot root = HostRoot.open(dir)) {
            assertEquals(pages(data.length), cachedPages(file));
            assertEquals(expected, readThrough(root));

            evict(file);
            assumeTrue(cachedPages(file) == 0, "the page cache kept the file");
            assertEquals(expected, readThrough(root));
            assertEquals(0, cachedPages(file), "a direct read leaves the page cache alone");

            python("f = open(sys.argv[1], 'rb'); f.read(4096)", file); // and what the kernel reads ahead
            long some = cachedPages(file);
            assertTrue(some > 0 && some < pages(data.length), some + " pages cached");
            assertEquals(expected, readThrough(root));
        }
    }

    private static String readThrough(HostRoot root) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        root.readChunks(HostPath.of("/data"), md::update);
        return HexFormat.of().formatHex(md.digest());
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static long pages(long bytes) {
        return (bytes + 4095) / 4096;
    }

    private static void evict(Path file) throws Exception {
        python("fd = os.open(sys.argv[1], os.O_RDONLY); os.fsync(fd); "
                + "os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)", file);
    }

    private static long cachedPages(Path file) throws Exception {
        return Long.parseLong(run("fincore", "--noheadings", "--output", "PAGES", file.toString()).strip());
    }

    private static void python(String code, Path file) throws Exception {
        run("python3", "-c", "import os, sys; " + code, file.toString());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }
}
