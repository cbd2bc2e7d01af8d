package dev.ward.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streaming reads: whole contents across chunks, and only regular files, never through a link. */
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
}
