package dev.ward.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * The read loop behind {@link HostRoot#readChunks} (and the data of {@link HostRoot#readSparse}): one
 * off-heap buffer of 256 KiB per thread that the kernel can fill, and a heap array, both reused for
 * every file that thread reads, so hashing a million files allocates nothing per file and never
 * holds a whole file in memory. Consumers get a buffer backed by the array: a MessageDigest hashes
 * an array in one call, where a direct buffer would be fed through a 4 KiB copy loop at a fraction
 * of the speed. Scanner threads are long-lived pool threads; the buffers are freed by the garbage
 * collector with their thread.
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

    /** Takes the chunks of a read; false stops it. */
    @FunctionalInterface
    interface Sink {
        boolean accept(ByteBuffer chunk);
    }

    /**
     * Reads {@code fd} from its start to its end, handing each chunk to the consumer; returns the
     * bytes read. Reading stops at {@code size} (what fstat said) without asking for an end of file
     * that is surely there; a file that grew meanwhile shows in its fstat after the read. A size of
     * 0 is not trusted (files of /proc and /sys say 0 and have contents): those are read to the end.
     */
    static long readAll(int fd, HostPath path, long size, HostRoot.ChunkConsumer consumer) throws HostException {
        return read(fd, path, 0, size, chunk -> {
            consumer.accept(chunk);
            return true;
        });
    }

    /**
     * Reads {@code fd} from {@code from} up to {@code end} as {@link #readAll} does, until the end of
     * the file or until the sink says stop; returns the bytes read. An earlier range of the same
     * descriptor may have left O_DIRECT on: a later one starts with it off.
     */
    static long read(int fd, HostPath path, long from, long end, Sink sink) throws HostException {
        Buffers buf = BUFFERS.get();
        if (from > 0) {
            setDirect(fd, false);
        }
        long cached = cacheStat ? cachedPages(fd) : -1;
        return end > 0 && cached * PAGE >= end ? readCached(fd, path, from, end, buf, sink)
                : readBuffered(fd, path, from, end, cached == 0, buf, sink);
    }

    /** A file wholly in the page cache, read straight into the heap array. */
    private static long readCached(int fd, HostPath path, long from, long end, Buffers buf, Sink sink)
            throws HostException {
        ByteBuffer view = ByteBuffer.wrap(buf.heap());
        long at = from;
        while (true) {
            long n = Libc.preadCached(fd, buf.heap(), (int) Math.min(SIZE, end - at), at);
            if (n < 0) {
                throw new HostException("read", path, (int) -n);
            }
            if (n == 0) {
                return at - from;
            }
            at += n;
            if (!sink.accept(view.clear().limit((int) n)) || at == end) {
                return at - from;
            }
        }
    }

    /** Any other file, through the native buffer: direct when none of it is cached and the kernel lets it. */
    private static long readBuffered(int fd, HostPath path, long from, long end, boolean uncached, Buffers buf,
            Sink sink) throws HostException {
        MemorySegment heap = MemorySegment.ofArray(buf.heap());
        ByteBuffer view = ByteBuffer.wrap(buf.heap());
        boolean direct = uncached && setDirect(fd, true);
        long at = from;
        long n = Libc.pread(fd, span(buf.filled(), end, at), at);
        while (true) {
            if (n == -Libc.EINVAL && direct) {
                direct = setDirect(fd, false);
                n = Libc.pread(fd, span(buf.filled(), end, at), at);
            }
            if (n < 0) {
                throw new HostException("read", path, (int) -n);
            }
            if (n == 0) {
                return at - from;
            }
            n = end > 0 ? Math.min(n, end - at) : n; // a direct read rounded up past the end
            at += n;
            MemorySegment.copy(buf.filled(), 0, heap, 0, n);
            if (!sink.accept(view.clear().limit((int) n)) || at == end) {
                return at - from;
            }
            n = Libc.pread(fd, span(buf.filled(), end, at), at);
        }
    }

    /**
     * The part of the buffer to read into at {@code offset}: what is left up to {@code end}, rounded
     * up to the alignment a direct read needs. A direct read of a whole buffer at a short file's end
     * has the kernel zero the rest of it, 256 KiB for a file of a few bytes.
     */
    private static MemorySegment span(MemorySegment buffer, long end, long offset) {
        long left = end - offset;
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
