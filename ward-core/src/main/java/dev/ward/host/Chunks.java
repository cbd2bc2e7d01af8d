package dev.ward.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The read loop behind {@link HostRoot#readChunks}: one off-heap buffer of 256 KiB per thread that
 * read(2) fills, and a heap array it is copied to, both reused for every file that thread reads, so
 * hashing a million files allocates nothing per file and never holds a whole file in memory.
 * Consumers get a buffer backed by the array: a MessageDigest hashes an array in one call, where a
 * direct buffer would be fed through a 4 KiB copy loop at a fraction of the speed. Scanner threads
 * are long-lived pool threads; the buffers are freed by the garbage collector with their thread.
 */
final class Chunks {
    static final int SIZE = 256 * 1024;

    private record Buffers(MemorySegment filled, byte[] heap) {
    }

    private static final ThreadLocal<Buffers> BUFFERS =
            ThreadLocal.withInitial(() -> new Buffers(Arena.ofAuto().allocate(SIZE, 4096), new byte[SIZE]));

    private Chunks() {
    }

    /** Reads {@code fd} to its end, handing each chunk to the consumer; returns the bytes read. */
    static long readAll(int fd, HostPath path, HostRoot.ChunkConsumer consumer) throws HostException {
        Buffers buf = BUFFERS.get();
        MemorySegment heap = MemorySegment.ofArray(buf.heap());
        ByteBuffer view = ByteBuffer.wrap(buf.heap());
        long total = 0;
        while (true) {
            long n = Libc.read(fd, buf.filled());
            if (n < 0) {
                throw new HostException("read", path, (int) -n);
            }
            if (n == 0) {
                return total;
            }
            total += n;
            MemorySegment.copy(buf.filled(), 0, heap, 0, n);
            consumer.accept(view.clear().limit((int) n));
        }
    }
}
