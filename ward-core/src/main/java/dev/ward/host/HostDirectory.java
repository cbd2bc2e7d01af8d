package dev.ward.host;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A directory of a {@link HostRoot} held open, so the names listed in it are described and read by
 * one lookup of one name each, where a lookup by path walks every component from the root again.
 * A name is never followed if it is a symlink and cannot climb out ({@code RESOLVE_BENEATH}), and
 * the directory itself was opened inside the root, so the root's confinement holds.
 *
 * <p>Threads share it: each user beyond the opener calls {@link #retain} and every user calls
 * {@link #close} once; the descriptor is closed when the last one does.
 */
public final class HostDirectory implements AutoCloseable {
    private static final long BENEATH = Libc.RESOLVE_BENEATH | Libc.RESOLVE_NO_SYMLINKS | Libc.RESOLVE_NO_MAGICLINKS;

    private final HostPath path;
    private final int fd;
    private final AtomicInteger users = new AtomicInteger(1);

    HostDirectory(HostPath path, int fd) {
        this.path = path;
        this.fd = fd;
    }

    public HostPath path() {
        return path;
    }

    /** One more user, who will close it too. */
    public HostDirectory retain() {
        users.incrementAndGet();
        return this;
    }

    @Override
    public void close() {
        if (users.decrementAndGet() == 0) {
            Libc.close(fd);
        }
    }

    /**
     * The entries, sorted by name bytes, without "." and "..". Listed with getdents64(2) directly,
     * so a libc hook on readdir(3) cannot hide a name. Once per directory opened: the listing moves
     * the descriptor's offset.
     */
    public List<DirEntry> list() throws HostException {
        List<DirEntry> entries = new ArrayList<>();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64 * 1024, 8);
            long n;
            while ((n = Libc.getdents64(fd, buf)) > 0) {
                for (long off = 0; off < n; ) {
                    long ino = buf.get(ValueLayout.JAVA_LONG, off);
                    int reclen = Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, off + 16));
                    int dType = Byte.toUnsignedInt(buf.get(ValueLayout.JAVA_BYTE, off + 18));
                    byte[] name = nameAt(buf, off + 19, off + reclen);
                    if (!isDotOrDotDot(name)) {
                        entries.add(new DirEntry(path.resolve(name), FileType.ofDirentType(dType), ino));
                    }
                    off += reclen;
                }
            }
            if (n < 0) {
                throw new HostException("getdents64", path, (int) -n);
            }
        }
        entries.sort(Comparator.comparing(DirEntry::path));
        return entries;
    }

    /** lstat of an entry by name; empty when it is gone. */
    public Optional<FileStat> lstat(byte[] name) throws HostException {
        return HostRoot.statAt(fd, name, Libc.AT_SYMLINK_NOFOLLOW, path.resolve(name));
    }

    /**
     * A directory in this one, opened by name: a walk goes down from descriptor to descriptor, so a
     * nest deeper than PATH_MAX (4096 bytes) is walked to its bottom, where a lookup by path stops.
     */
    public HostDirectory openDirectory(byte[] name) throws HostException {
        HostPath child = path.resolve(name);
        return new HostDirectory(child, HostRoot.openToRead(fd, name, Libc.O_DIRECTORY | Libc.O_NOFOLLOW, BENEATH, child));
    }

    /** {@link HostRoot#readChunks} of an entry by name. */
    public ReadStats readChunks(byte[] name, HostRoot.ChunkConsumer consumer) throws HostException {
        HostPath file = path.resolve(name);
        return HostRoot.readOpen(HostRoot.openToRead(fd, name, Libc.O_NONBLOCK | Libc.O_NOFOLLOW, BENEATH, file),
                file, consumer);
    }

    static byte[] nameAt(MemorySegment buf, long from, long to) {
        long end = from;
        while (end < to && buf.get(ValueLayout.JAVA_BYTE, end) != 0) {
            end++;
        }
        return buf.asSlice(from, end - from).toArray(ValueLayout.JAVA_BYTE);
    }

    private static boolean isDotOrDotDot(byte[] name) {
        return (name.length == 1 && name[0] == '.') || (name.length == 2 && name[0] == '.' && name[1] == '.');
    }
}
