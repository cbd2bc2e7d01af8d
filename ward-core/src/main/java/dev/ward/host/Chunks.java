package dev.ward.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The read loop behind {@link HostRoot#readChunks}: one off-heap buffer of 256 KiB per thread,
 * reused for every file that thread reads, so hashing a million files allocates nothing per file
 * and never holds a whole file in memory. Scanner threads are long-lived pool threads; the buffer
 * is freed by the garbage collector with its thread.
 */
final class Chunks {
    static final int SIZE = 256 * 1024;

    private static final ThreadLocal<MemorySegment> BUFFER =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(SIZE, 4096));

    private Chunks() {
    }

    /** Reads {@code fd} to its end, handing each chunk to the consumer; returns the bytes read. */
    static long readAll(int fd, HostPath path, HostRoot.ChunkConsumer consumer) throws HostException {
        MemorySegment buf = BUFFER.get();
        ByteBuffer view = buf.asByteBuffer();
        long total = 0;
        while (true) {
            long n = Libc.read(fd, buf);
            if (n < 0) {
                throw new HostException("read", path, (int) -n);
            }
            if (n == 0) {
                return total;
            }
            total += n;
            consumer.accept(view.clear().limit((int) n));
        }
    }
}
