package dev.ward.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sparse reads: a file with holes (written past its end, then extended by truncate) comes as the
 * same bytes as a plain read, its holes as lengths never read; the consumer can stop the read; a
 * file of /proc, whose size of 0 and SEEK_DATA say nothing, is read to its end.
 */
class HostRootSparseTest {
    @TempDir
    Path dir;

    /** The bytes a sparse read gave, holes as zeros, and how many were holes. */
    private static final class Collected implements HostRoot.SparseConsumer {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long holes;
        long stopAfter = Long.MAX_VALUE;

        @Override
        public boolean data(ByteBuffer chunk) {
            byte[] b = new byte[chunk.remaining()];
            chunk.get(b);
            bytes.writeBytes(b);
            return bytes.size() + holes < stopAfter;
        }

        @Override
        public boolean hole(long length) {
            bytes.writeBytes(new byte[(int) length]);
            holes += length;
            return bytes.size() < stopAfter;
        }
    }

    @Test
    void holesAreSkippedAndTheBytesAreTheFile() throws Exception {
        Path file = dir.resolve("sparse");
        byte[] head = new byte[5000];
        byte[] middle = new byte[3 * Chunks.SIZE + 17];
        new Random(3).nextBytes(head);
        new Random(4).nextBytes(middle);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(head), 0);
            ch.write(ByteBuffer.wrap(middle), 1 << 20);
        }
        assertEquals(0, new ProcessBuilder("truncate", "-s", "3M", file.toString()).start().waitFor());
        Collected got = new Collected();
        try (HostRoot root = HostRoot.open(dir)) {
            ReadStats st = root.readSparse(HostPath.of("/sparse"), got);
            assertEquals(3 << 20, st.bytesRead());
        }
        assertArrayEquals(Files.readAllBytes(file), got.bytes.toByteArray());
        long blocks = Long.parseLong(new String(new ProcessBuilder("stat", "-c", "%b", file.toString()).start()
                .getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip());
        assertEquals((3 << 20) - blocks * 512, got.holes, "every unallocated byte a hole, none of them read");
        assertTrue(got.holes > 2 << 20, got.holes + " bytes of holes");
    }

    @Test
    void theConsumerStopsTheRead() throws Exception {
        Path file = dir.resolve("data");
        Files.write(file, new byte[4 * Chunks.SIZE]);
        assertEquals(0, new ProcessBuilder("truncate", "-s", "1G", file.toString()).start().waitFor());
        Collected got = new Collected();
        got.stopAfter = 1;
        try (HostRoot root = HostRoot.open(dir)) {
            assertEquals(Chunks.SIZE, root.readSparse(HostPath.of("/data"), got).bytesRead(), "one chunk, then stop");
        }
    }

    @Test
    void kernelFilesAreNotRead() throws Exception {
        try (HostRoot root = HostRoot.open(Path.of("/proc"))) {
            HostException e = org.junit.jupiter.api.Assertions.assertThrows(HostException.class,
                    () -> root.readSparse(HostPath.of("/self/status"), new Collected()));
            assertEquals("/self/status: a file of the kernel's (procfs), not read", e.getMessage());
        }
    }
}
