package dev.ward.host;

import java.io.ByteArrayOutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The only way ward reaches the files of the host it inspects: the live host ({@code /}) or a
 * mounted image ({@code --root DIR}), through the same code.
 *
 * <p>As root, the root is a private copy of the mounts there, attached nowhere, read-only and
 * noatime ({@link Libc#frozenTree}): nothing read through it moves an access time, whatever the
 * host's mount options, where the kernel otherwise sets a symlink's atime whenever its target is
 * read or followed (readlink(2) cannot be asked not to, O_NOATIME is for files opened to read), and
 * a strictatime mount sets a directory's when it is listed. Elsewhere (no CAP_SYS_ADMIN, a kernel
 * before 5.12) the root is the directory itself, and contents are still read with O_NOATIME.
 *
 * <p>Every lookup goes through openat2(2) with {@code RESOLVE_IN_ROOT} on a descriptor of the root:
 * the kernel itself makes absolute symlinks resolve inside the image and stops {@code ..} at its
 * top, so an image's {@code /etc/passwd -> /etc/shadow} never reads the analyst's files. Contents
 * are read with {@code O_NOATIME} (falling back without it where the kernel refuses, for files we
 * do not own) and {@code O_NONBLOCK}, and only regular files are read: a FIFO or device is never
 * opened for reading. Names are bytes throughout (see {@link HostPath}).
 */
public final class HostRoot implements AutoCloseable {
    private static final int AT_FDCWD = -100;
    private static final long RESOLVE = Libc.RESOLVE_IN_ROOT | Libc.RESOLVE_NO_MAGICLINKS;

    private final HostPath dir;
    private final int rootFd;

    private HostRoot(HostPath dir, int rootFd) {
        this.dir = dir;
        this.rootFd = rootFd;
    }

    /** The live host's root. */
    public static HostRoot live() throws HostException {
        return open(Path.of("/"));
    }

    /** A root directory: "/" for the live host, or where an image is mounted. */
    public static HostRoot open(Path dir) throws HostException {
        return open(HostPath.of(dir.toAbsolutePath().normalize().toString()));
    }

    /**
     * A root directory given as bytes: an absolute path on the analyst's machine, where a mounted
     * image's own name may not be text.
     */
    public static HostRoot open(HostPath dir) throws HostException {
        int fd = Libc.openat2(AT_FDCWD, dir.bytes(), Libc.O_PATH | Libc.O_DIRECTORY | Libc.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new HostException("open root", dir, -fd);
        }
        int frozen = Libc.frozenTree(dir.bytes());
        if (frozen >= 0) {
            Libc.close(fd);
            return new HostRoot(dir, frozen);
        }
        return new HostRoot(dir, fd);
    }

    /**
     * True when ward runs as root, so that a file it may not read is one the kernel keeps even root
     * from (another namespace's process), not merely another user's.
     */
    public static boolean asRoot() {
        return TargetFile.USER == 0;
    }

    /** True for the live host's own root, where /proc and running processes belong to it. */
    public boolean isLive() {
        return dir.isRoot();
    }

    /** The root as reports show it: "/" or the image directory. */
    public String display() {
        return dir.display();
    }

    /** Opens a path (resolved inside the root) with the given O_* flags; the caller closes the fd. */
    private int openIn(HostPath path, long flags) throws HostException {
        int fd = openat2(path, flags | Libc.O_CLOEXEC);
        if (fd < 0) {
            throw new HostException("open", path, -fd);
        }
        return fd;
    }

    /**
     * openat2 of a path inside the root; returns the fd or -errno. A path longer than one lookup
     * takes (PATH_MAX, 4096 bytes: an intruder can nest directories deeper) is reached in parts,
     * from directory to directory, the parts after the first without following links.
     */
    private int openat2(HostPath path, long flags) {
        byte[] rel = path.relativeBytes();
        if (rel.length < PATH_MAX) {
            return Libc.openat2(rootFd, rel, flags, RESOLVE);
        }
        int dir = rootFd;
        long resolve = RESOLVE;
        int from = 0;
        while (rel.length - from >= PATH_MAX) {
            int cut = from + PATH_MAX - 1;
            while (cut > from && rel[cut] != '/') {
                cut--;
            }
            int next = Libc.openat2(dir, java.util.Arrays.copyOfRange(rel, from, cut),
                    Libc.O_PATH | Libc.O_DIRECTORY | Libc.O_CLOEXEC, resolve);
            if (dir != rootFd) {
                Libc.close(dir);
            }
            if (next < 0) {
                return next;
            }
            dir = next;
            resolve = DEEP;
            from = cut + 1;
        }
        int fd = Libc.openat2(dir, java.util.Arrays.copyOfRange(rel, from, rel.length), flags, DEEP);
        Libc.close(dir);
        return fd;
    }

    private static final int PATH_MAX = 4096;
    private static final long DEEP = Libc.RESOLVE_BENEATH | Libc.RESOLVE_NO_SYMLINKS | Libc.RESOLVE_NO_MAGICLINKS;

    /**
     * Opens a file or directory to read its contents without updating its access time. O_NOATIME
     * is allowed only to the file's owner or a process with CAP_FOWNER (root has it); for others
     * the kernel says EPERM and the file is opened without it, read-only all the same.
     */
    private int openToRead(HostPath path, long flags) throws HostException {
        long read = Libc.O_RDONLY | Libc.O_CLOEXEC | flags;
        int fd = openat2(path, read | Libc.O_NOATIME);
        if (fd == -Libc.EPERM) {
            fd = openat2(path, read);
        }
        if (fd < 0) {
            throw new HostException("open", path, -fd);
        }
        return fd;
    }

    /** {@link #openToRead(HostPath, long)} relative to {@code dirfd}, with its own resolve flags. */
    static int openToRead(int dirfd, byte[] rel, long flags, long resolve, HostPath path) throws HostException {
        int fd = Libc.openat2(dirfd, rel, Libc.O_RDONLY | Libc.O_NOATIME | Libc.O_CLOEXEC | flags, resolve);
        if (fd == -Libc.EPERM) {
            fd = Libc.openat2(dirfd, rel, Libc.O_RDONLY | Libc.O_CLOEXEC | flags, resolve);
        }
        if (fd < 0) {
            throw new HostException("open", path, -fd);
        }
        return fd;
    }

    /** stat of the path itself: a symlink is described, not followed. Empty when it is not there. */
    public Optional<FileStat> lstat(HostPath path) throws HostException {
        if (path.isRoot()) {
            return stat(path);
        }
        int parent;
        try {
            parent = openIn(path.parent(), Libc.O_PATH | Libc.O_DIRECTORY);
        } catch (HostException e) {
            if (e.isMissing()) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            return statAt(parent, path.nameBytes(), Libc.AT_SYMLINK_NOFOLLOW, path);
        } finally {
            Libc.close(parent);
        }
    }

    /**
     * {@link #lstat}, empty also when the path cannot be described (a parent it may not search):
     * for callers to whom an undescribable file is as good as an absent one.
     */
    public Optional<FileStat> lstatOrEmpty(HostPath path) {
        try {
            return lstat(path);
        } catch (HostException e) {
            return Optional.empty();
        }
    }

    /** {@link #stat}, empty when it cannot be made. */
    public Optional<FileStat> statOrEmpty(HostPath path) {
        try {
            return stat(path);
        } catch (HostException e) {
            return Optional.empty();
        }
    }

    /** stat following symlinks (inside the root). Empty when it, or a link's target, is not there. */
    public Optional<FileStat> stat(HostPath path) throws HostException {
        int fd;
        try {
            fd = openIn(path, Libc.O_PATH);
        } catch (HostException e) {
            if (e.isMissing() || e.errno() == Libc.ELOOP) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            return statAt(fd, new byte[0], Libc.AT_EMPTY_PATH, path);
        } finally {
            Libc.close(fd);
        }
    }

    public boolean exists(HostPath path) throws HostException {
        return lstat(path).isPresent();
    }

    static Optional<FileStat> statAt(int dirfd, byte[] name, int flags, HostPath path) throws HostException {
        MemorySegment buf = STATX_BUFFER.get();
        int r = Libc.statx(dirfd, name, flags | Libc.AT_STATX_DONT_SYNC, buf);
        if (r < 0) {
            if (-r == Libc.ENOENT || -r == Libc.ENOTDIR) {
                return Optional.empty();
            }
            throw new HostException("statx", path, -r);
        }
        return Optional.of(FileStat.ofStatx(buf));
    }

    /** Each thread's statx buffer, decoded as soon as it is filled. */
    private static final ThreadLocal<MemorySegment> STATX_BUFFER =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(256, 8));

    /** The target of a symlink, as stored (absolute targets are meant inside the root). */
    public Optional<byte[]> readlink(HostPath path) throws HostException {
        int parent;
        try {
            parent = openIn(path.parent(), Libc.O_PATH | Libc.O_DIRECTORY);
        } catch (HostException e) {
            if (e.isMissing()) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            int[] err = new int[1];
            byte[] target = Libc.readlinkat(parent, path.nameBytes(), err);
            if (target == null) {
                if (err[0] == Libc.ENOENT || err[0] == 22 /* EINVAL: not a symlink */) {
                    return Optional.empty();
                }
                throw new HostException("readlink", path, err[0]);
            }
            return Optional.of(target);
        } finally {
            Libc.close(parent);
        }
    }

    /**
     * A regular file's contents, at most {@code limit} bytes, read without touching its atime.
     *
     * @throws HostException when it is missing ({@link HostException#isMissing()}), unreadable, or
     *                       not a regular file
     */
    public byte[] read(HostPath path, long limit) throws HostException {
        int fd = openToRead(path, Libc.O_NONBLOCK);
        try {
            regular(fd, path);
            return readFd(fd, path, limit);
        } finally {
            Libc.close(fd);
        }
    }

    /** Up to {@code limit} bytes of an open descriptor, from where it stands to its end. */
    static byte[] readFd(int fd, HostPath path, long limit) throws HostException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64 * 1024);
            while (out.size() < limit) {
                long n = Libc.read(fd, buf);
                if (n < 0) {
                    throw new HostException("read", path, (int) -n);
                }
                if (n == 0) {
                    break;
                }
                int take = (int) Math.min(n, limit - out.size());
                out.write(buf.asSlice(0, take).toArray(ValueLayout.JAVA_BYTE), 0, take);
            }
        }
        return out.toByteArray();
    }

    /**
     * A regular file as a stream, symlinks followed inside the root (absolute targets and ".."
     * stay in it, /proc's magic links are refused), read without touching its atime; the caller
     * closes it. The path is first opened O_PATH, which opens nothing: no FIFO blocks, no device's
     * driver sees an open (opening a watchdog arms it, a tape rewinds). Only a regular file is then
     * opened to read, through /proc/self/fd, so what is read is the file described, and
     * not one of the kernel's (see {@link #KERNEL_FILESYSTEMS}).
     *
     * @throws HostException when it is missing ({@link HostException#isMissing()}, a dangling link
     *                       too), a symlink loop (ELOOP), unreadable, or not a regular file
     */
    public OpenedFile openFollowing(HostPath path) throws HostException {
        int fd = openRegularFollowing(path);
        try {
            return new OpenedFile(fstat(fd, path), new FdInputStream(fd, path));
        } catch (HostException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
    }

    /** The descriptor {@link #openFollowing} reads: a regular file, described before it was opened. */
    private int openRegularFollowing(HostPath path) throws HostException {
        int at = openIn(path, Libc.O_PATH);
        try {
            regular(at, path);
            String kernel = KERNEL_FILESYSTEMS.get(Libc.filesystemType(at));
            if (kernel != null) {
                throw new HostException(path, "a file of the kernel's (" + kernel + "), not read");
            }
            byte[] proc = ("/proc/self/fd/" + at).getBytes(StandardCharsets.US_ASCII);
            return openToRead(AT_FDCWD, proc, Libc.O_NONBLOCK, 0, path);
        } finally {
            Libc.close(at);
        }
    }

    /**
     * Filesystems (by statfs magic) whose regular files are the kernel's interfaces: reading one
     * can block ({@code /proc/kmsg}, {@code trace_pipe}), take what another reader was owed (kmsg's
     * messages are rsyslog's), or act. A link from a live host's log to one is never followed.
     */
    private static final java.util.Map<Long, String> KERNEL_FILESYSTEMS = java.util.Map.of(0x9fa0L, "procfs",
            0x62656572L, "sysfs", 0x64626720L, "debugfs", 0x74726163L, "tracefs", 0x73636673L, "securityfs",
            0x62656570L, "configfs", 0x63677270L, "cgroup2", 0xcafe4a11L, "bpffs", 0x6165676cL, "pstore",
            0xde5e81e4L, "efivarfs");

    /** fstat of {@code fd}, which must be a regular file. */
    private static FileStat regular(int fd, HostPath path) throws HostException {
        FileStat st = fstat(fd, path);
        if (!st.isRegular()) {
            throw new HostException(path, "not a regular file (" + st.type().describe() + ")");
        }
        return st;
    }

    /** Receives a file's contents piece by piece; the buffer is valid only during the call. */
    @FunctionalInterface
    public interface ChunkConsumer {
        void accept(ByteBuffer chunk);
    }

    /**
     * Streams a regular file's contents, without touching its atime, in chunks of up to 256 KiB
     * read into a per-thread off-heap buffer. The last component is not followed: a file swapped
     * for a symlink after its lstat fails with ELOOP rather than reading the target, and anything
     * but a regular file (a FIFO, a device that replaced it) is refused before any read.
     *
     * @return fstat of the descriptor before and after the read, and the bytes read
     * @throws HostException when it is missing ({@link HostException#isMissing()}), unreadable, or
     *                       not a regular file
     */
    public ReadStats readChunks(HostPath path, ChunkConsumer consumer) throws HostException {
        return readOpen(openToRead(path, Libc.O_NONBLOCK | Libc.O_NOFOLLOW), path, consumer);
    }

    /** Streams an open descriptor (closed here) if it is a regular file; see {@link #readChunks}. */
    static ReadStats readOpen(int fd, HostPath path, ChunkConsumer consumer) throws HostException {
        return readRegular(fd, path, size -> Chunks.readAll(fd, path, size, consumer));
    }

    /** How an open regular file of {@code size} bytes (as fstat said) is read; returns the bytes it covered. */
    @FunctionalInterface
    private interface ReadLoop {
        long read(long size) throws HostException;
    }

    private static ReadStats readRegular(int fd, HostPath path, ReadLoop loop) throws HostException {
        try {
            FileStat before = regular(fd, path);
            long n = loop.read(before.size());
            return new ReadStats(before, fstat(fd, path), n);
        } finally {
            Libc.close(fd);
        }
    }

    /** Receives a file's contents in order: the bytes read, and its holes as lengths. */
    public interface SparseConsumer {
        /** The next bytes of the file, in a buffer valid only during the call; false stops the read. */
        boolean data(ByteBuffer chunk);

        /**
         * The next {@code length} bytes are a hole, zeros the filesystem stores no blocks for, which
         * were not read; false stops the read.
         */
        boolean hole(long length);
    }

    /**
     * Streams a regular file in chunks, but skips its holes (found with lseek(2) SEEK_DATA and
     * SEEK_HOLE) instead of reading their zeros: a sparse file of gigabytes, as {@code truncate -s}
     * makes, costs a few system calls. Where the filesystem cannot tell holes the whole file is read
     * as data. The consumer may stop the read. Symlinks are followed inside the root, and the file
     * is described before it is opened, as {@link #openFollowing} does.
     *
     * @return fstat before and after, and the bytes handed on, holes included
     * @throws HostException as {@link #openFollowing}
     */
    public ReadStats readSparse(HostPath path, SparseConsumer consumer) throws HostException {
        int fd = openRegularFollowing(path);
        return readRegular(fd, path, size -> Extents.readAll(fd, path, size, consumer));
    }

    private static FileStat fstat(int fd, HostPath path) throws HostException {
        return statAt(fd, new byte[0], Libc.AT_EMPTY_PATH, path)
                .orElseThrow(() -> new HostException("statx", path, Libc.ENOENT));
    }

    /** A text file's contents (invalid UTF-8 replaced), or empty when the file is not there. */
    public Optional<String> readText(HostPath path) throws HostException {
        try {
            return Optional.of(new String(read(path, 64L * 1024 * 1024), StandardCharsets.UTF_8));
        } catch (HostException e) {
            if (e.isMissing()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * A directory's entries, sorted by name bytes, without "." and "..". Listed with getdents64(2)
     * directly, so a libc hook on readdir(3) cannot hide a name. Empty when the directory is not there.
     */
    public List<DirEntry> list(HostPath path) throws HostException {
        HostDirectory dir;
        try {
            dir = openDirectory(path);
        } catch (HostException e) {
            if (e.isMissing()) {
                return List.of();
            }
            throw e;
        }
        try (dir) {
            return dir.list();
        }
    }

    /**
     * A directory held open, whose entries can then be described and read by name without a path
     * walk each; the caller closes it.
     */
    public HostDirectory openDirectory(HostPath path) throws HostException {
        return new HostDirectory(path, openToRead(path, Libc.O_DIRECTORY));
    }

    /**
     * A file's extended attributes (ACLs, SELinux label and file capabilities among them), names to
     * values in lower-case hex; empty for a symlink or where the filesystem has none. The file is
     * opened O_PATH inside the root and read through /proc/self/fd, so a path cannot lead out of
     * the root the way a plain getxattr(2) on the joined path could.
     */
    public java.util.Map<String, String> xattrs(HostPath path) throws HostException {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        int fd = openIn(path, Libc.O_PATH | Libc.O_NOFOLLOW);
        try (Arena arena = Arena.ofConfined()) {
            byte[] proc = ("/proc/self/fd/" + fd).getBytes(StandardCharsets.US_ASCII);
            FileStat st = statAt(fd, new byte[0], Libc.AT_EMPTY_PATH, path).orElse(null);
            if (st == null || st.isSymlink()) {
                return out;
            }
            MemorySegment names = arena.allocate(64 * 1024);
            long n = Libc.listxattr(proc, names);
            if (n < 0) {
                if (-n == 95 /* EOPNOTSUPP */ || -n == 61 /* ENODATA */) {
                    return out;
                }
                throw new HostException("listxattr", path, (int) -n);
            }
            MemorySegment value = arena.allocate(64 * 1024);
            for (long off = 0; off < n; ) {
                byte[] name = HostDirectory.nameAt(names, off, n);
                long len = Libc.getxattr(proc, name, value);
                if (len >= 0) {
                    out.put(HostPath.escape(name), java.util.HexFormat.of().formatHex(
                            value.asSlice(0, len).toArray(ValueLayout.JAVA_BYTE)));
                }
                off += name.length + 1;
            }
            return out;
        } finally {
            Libc.close(fd);
        }
    }

    @Override
    public void close() {
        Libc.close(rootFd);
    }
}
