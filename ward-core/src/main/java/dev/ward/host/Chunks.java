package dev.ward.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The read loop behind {@link HostRoot#readChunks}: one off-heap buffer of 256 KiB per thread that
 * the kernel can fill, and a heap array, both reused for every file that thread reads, so hashing
 * a million files allocates nothing per file and never holds a whole file in memory. Consumers get
 * a buffer backed by the array: a MessageDigest hashes an array in one call, where a direct buffer
 * would be fed through a 4 KiB copy loop at a fraction of the speed. Scanner threads are long-lived
 * pool threads; the buffers are freed by the garbage collector with their thread.
 *
 * <p>What {@code cachestat} (which reads nothing) says of the file chooses the way. A file wholly
 * in the page cache is read straight into the array, a copy by the kernel and no other. A file with
 * none of its pages there is read with {@code O_DIRECT}, from the disk into the off-heap buffer
 * (aligned, as direct reads need) and copied to the array: reading a cold tree costs the kernel
 * far less, and the page cache is left as it was instead of filling with every file of the tree.
 * A file partly cached, and every file on kernels before 6.5 (no cachestat), or where
 * {@code O_DIRECT} is refused (tmpfs, some network filesystems) or fails for its alignment, is read
 * through the cache into the off-heap buffer.
 */
final class Chunks {
    static final int SIZE = 256 * 1024;
    private static final int ALIGNMENT = 4096;
    private static final long PAGE = 4096;

    private record Buffers(MemorySegment filled, byte[] heap) {
    }

    private static final ThreadLocal<Buffers> BUFFERS =
            ThreadLocal.withInitial(() -> new Buffers(Arena.ofAuto().allocate(SIZE, ALIGNMENT), new byte[SIZE]));

    private Chunks() {
    }

    /**
     * Reads {@code fd} from its start to its end, handing each chunk to the consumer; returns the
     * bytes read. Reading stops at {@code size} (what fstat said) without asking for an end of file
     * that is surely there; a file that grew meanwhile shows in its fstat after the read. A size of
     * 0 is not trusted (files of /proc and /sys say 0 and have contents): those are read to the end.
     */
    static long readAll(int fd, HostPath path, long size, HostRoot.ChunkConsumer consumer) throws HostException {
        Buffers buf = BUFFERS.get();
        long cached = cacheStat ? cachedPages(fd) : -1;
        return size > 0 && cached * PAGE >= size ? readCached(fd, path, size, buf, consumer)
                : readBuffered(fd, path, size, cached == 0, buf, consumer);
    }

    /** A file wholly in the page cache, read straight into the heap array. */
    private static long readCached(int fd, HostPath path, long size, Buffers buf, HostRoot.ChunkConsumer consumer)
            throws HostException {
        ByteBuffer view = ByteBuffer.wrap(buf.heap());
        long total = 0;
        while (true) {
            long n = Libc.preadCached(fd, buf.heap(), (int) Math.min(SIZE, size - total), total);
            if (n < 0) {
                throw new HostException("read", path, (int) -n);
            }
            if (n == 0) {
                return total;
            }
            total += n;
            consumer.accept(view.clear().limit((int) n));
            if (total == size) {
                return total;
            }
        }
    }

    /** Any other file, through the native buffer: direct when none of it is cached and the kernel lets it. */
    private static long readBuffered(int fd, HostPath path, long size, boolean uncached, Buffers buf,
            HostRoot.ChunkConsumer consumer) throws HostException {
        MemorySegment heap = MemorySegment.ofArray(buf.heap());
        ByteBuffer view = ByteBuffer.wrap(buf.heap());
        boolean direct = uncached && setDirect(fd, true);
        long n = Libc.pread(fd, span(buf.filled(), size, 0), 0);
        long total = 0;
        while (true) {
            if (n == -Libc.EINVAL && direct) {
                direct = setDirect(fd, false);
                n = Libc.pread(fd, span(buf.filled(), size, total), total);
            }
            if (n < 0) {
                throw new HostException("read", path, (int) -n);
            }
            if (n == 0) {
                return total;
            }
            total += n;
            MemorySegment.copy(buf.filled(), 0, heap, 0, n);
            consumer.accept(view.clear().limit((int) n));
            if (total == size) {
                return total;
            }
            n = Libc.pread(fd, span(buf.filled(), size, total), total);
        }
    }

    /**
     * The part of the buffer to read into at {@code offset}: what is left of the file, rounded up to
     * the alignment a direct read needs. A direct read of a whole buffer at a short file's end has
     * the kernel zero the rest of it, 256 KiB for a file of a few bytes.
     */
    private static MemorySegment span(MemorySegment buffer, long size, long offset) {
        long left = size - offset;
        return left <= 0 || left >= SIZE ? buffer : buffer.asSlice(0, (left + ALIGNMENT - 1) & -ALIGNMENT);
    }

    /** False once the kernel said it has no cachestat: every file is then read through the cache. */
    private static volatile boolean cacheStat = true;

    /** How many of the file's pages are in the page cache; negative when that cannot be known. */
    private static long cachedPages(int fd) {
        long pages = Libc.cachedPages(fd);
        if (pages == -Libc.ENOSYS) {
            cacheStat = false;
        }
        return pages;
    }

    /** Turns O_DIRECT on or off; returns whether it is on. */
    private static boolean setDirect(int fd, boolean on) {
        int flags = Libc.fcntl(fd, Libc.F_GETFL, 0);
        if (flags < 0) {
            return false;
        }
        int wanted = on ? flags | Libc.O_DIRECT : flags & ~Libc.O_DIRECT;
        return Libc.fcntl(fd, Libc.F_SETFL, wanted) == 0 && on;
    }
}
