package dev.ward.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming reads: whole contents across chunks, and only regular files, never through a link. A
 * file is read the same whether all of it, none of it (a direct read, which leaves the page cache as
 * it was) or only its first pages are in the page cache; the cache is emptied with
 * posix_fadvise(DONTNEED) by python3 and looked at with util-linux's fincore.
 */
class HostRootChunksTest {
    @TempDir
    Path dir;

    @Test
    void streamsEveryByteAcrossChunks() throws Exception {
        byte[] data = new byte[2 * Chunks.SIZE + 5];
        new Random(1).nextBytes(data);
        Files.write(dir.resolve("f"), data);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (HostRoot root = HostRoot.open(dir)) {
            ReadStats st = root.readChunks(HostPath.of("/f"), chunk -> {
                byte[] b = new byte[chunk.remaining()];
                chunk.get(b);
                got.writeBytes(b);
            });
            assertEquals(data.length, st.bytesRead());
            assertFalse(st.changedWhileRead());
        }
        assertArrayEquals(data, got.toByteArray());
    }

    @Test
    void refusesFifosSymlinksAndMissingFilesWithoutBlocking() throws Exception {
        Process p = new ProcessBuilder("mkfifo", dir.resolve("pipe").toString()).start();
        assertEquals(0, p.waitFor());
        Files.writeString(dir.resolve("target"), "x");
        Files.createSymbolicLink(dir.resolve("link"), Path.of("target"));
        try (HostRoot root = HostRoot.open(dir)) {
            HostException fifo = assertThrows(HostException.class, () -> root.readChunks(HostPath.of("/pipe"), c -> { }));
            assertTrue(fifo.getMessage().contains("not a regular file"), fifo.getMessage());
            HostException link = assertThrows(HostException.class, () -> root.readChunks(HostPath.of("/link"), c -> { }));
            assertEquals(Libc.ELOOP, link.errno());
            assertTrue(assertThrows(HostException.class,
                    () -> root.readChunks(HostPath.of("/missing"), c -> { })).isMissing());
        }
    }

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
