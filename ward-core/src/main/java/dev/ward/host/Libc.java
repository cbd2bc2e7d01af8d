package dev.ward.host;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The few libc and kernel calls that the JDK's file API cannot make, bound with the FFM API.
 * Every call returns the raw result; a negative result carries {@code -errno}, so callers decide
 * which errors are normal (ENOENT while a process exits) and which are not.
 *
 * <p>Flag values differ between architectures for a few {@code O_*} constants; only x86-64 and
 * arm64 are known here.
 */
final class Libc {
    static final int AT_SYMLINK_NOFOLLOW = 0x100;
    static final int AT_EMPTY_PATH = 0x1000;
    static final int AT_STATX_DONT_SYNC = 0x4000;

    static final long O_RDONLY = 0;
    static final long O_WRONLY = 1;
    static final long O_CREAT = 0100;
    static final long O_EXCL = 0200;
    static final long O_NONBLOCK = 04000;
    static final long O_CLOEXEC = 02000000;
    static final long O_PATH = 010000000;
    static final long O_NOATIME = 01000000;
    static final long O_DIRECTORY;
    static final long O_NOFOLLOW;
    static final int O_DIRECT;

    static final int F_GETFL = 3;
    static final int F_SETFL = 4;

    static final long RESOLVE_NO_MAGICLINKS = 0x02;
    static final long RESOLVE_NO_SYMLINKS = 0x04;
    static final long RESOLVE_BENEATH = 0x08;
    static final long RESOLVE_IN_ROOT = 0x10;

    static final int ENOENT = 2;
    static final int EPERM = 1;
    static final int EACCES = 13;
    static final int ENOTDIR = 20;
    static final int ELOOP = 40;
    static final int EXDEV = 18;
    static final int EINVAL = 22;
    static final int EEXIST = 17;
    static final int ENXIO = 6;
    static final int EWOULDBLOCK = 11;

    static final int AT_REMOVEDIR = 0x200;
    static final int LOCK_EX = 2;
    static final int LOCK_NB = 4;

    static final int SEEK_DATA = 3;
    static final int SEEK_HOLE = 4;

    /** These have the same numbers in the unified table every architecture uses. */
    private static final long SYS_PIDFD_OPEN = 434;
    private static final long SYS_OPENAT2 = 437;
    private static final long SYS_PIDFD_GETFD = 438;
    private static final long SYS_CACHESTAT = 451;
    private static final long SYS_OPEN_TREE = 428;
    private static final long SYS_MOUNT_SETATTR = 442;
    /** These differ between x86-64 and arm64. */
    private static final long SYS_READ;
    private static final long SYS_LSEEK;
    private static final long SYS_CLOSE;
    private static final long SYS_GETDENTS64;
    private static final long SYS_STATX;
    private static final long SYS_BPF;
    private static final long SYS_WRITE;
    private static final long SYS_FSYNC;
    private static final long SYS_MKDIRAT;
    private static final long SYS_UNLINKAT;
    private static final long SYS_RENAMEAT2;
    private static final long SYS_FLOCK;
    private static final long SYS_GETEUID;
    private static final long SYS_KILL;
    private static final long SYS_FCNTL;
    private static final long SYS_FSTATFS;
    static final int ENOSYS = 38;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final SymbolLookup LIBC = LINKER.defaultLookup();
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /**
     * syscall(2) with five arguments, pointers passed as their addresses: the system calls ward
     * makes (opening, describing, listing and reading files, writing its own, fcntl, flock, bpf,
     * pidfd...) go through this one binding, since each binding of another shape spins classes at
     * every start. A caller keeps what it points to reachable until the call returns.
     */
    private static final MethodHandle SYSCALL = downcall("syscall",
            FunctionDescriptor.of(JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG, JAVA_LONG),
            Linker.Option.firstVariadicArg(1));

    // The calls many runs make none of, each bound on first use, by its holder class: binding a
    // downcall spins classes, about a hundredth of a second each, at every start.

    private static final class Readlink {
        static final MethodHandle READLINKAT = downcall("readlinkat",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG));
    }

    private static final class Xattr {
        static final MethodHandle LISTXATTR = downcall("listxattr",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, JAVA_LONG));
        static final MethodHandle GETXATTR = downcall("getxattr",
                FunctionDescriptor.of(JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, JAVA_LONG));
    }

    private static final class Pread {
        static final MethodHandle PREAD = downcall("pread",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG));
        /**
         * pread into a Java array, marked critical: the kernel copies into the array itself, with no
         * native buffer between, and the call holds off the garbage collector while it runs, so it
         * is only for reads the page cache answers, a copy of at most a chunk.
         */
        static final MethodHandle PREAD_ARRAY = downcall("pread",
                FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG, JAVA_LONG),
                Linker.Option.critical(true));
    }

    /**
     * opendir, readdir64 and closedir as a program linked against libc gets them: looked up with
     * dlsym(RTLD_DEFAULT), so that a preloaded library's versions come first, as they do for ps.
     * (The JDK's own lookup goes to libc itself, past any preload.)
     */
    private static final class Dirs {
        static final MethodHandle DLSYM = LINKER.downcallHandle(LIBC.find("dlsym").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS));
        static final MethodHandle OPENDIR = asPrograms("opendir", FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle READDIR64 = asPrograms("readdir64", FunctionDescriptor.of(ADDRESS, ADDRESS));
        static final MethodHandle CLOSEDIR = asPrograms("closedir", FunctionDescriptor.of(JAVA_INT, ADDRESS));

        private static MethodHandle asPrograms(String name, FunctionDescriptor fd) {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment symbol = (MemorySegment) DLSYM.invokeExact(MemorySegment.NULL, arena.allocateFrom(name));
                if (symbol.address() == 0) {
                    throw new UnsupportedOperationException("no " + name + " in the global scope");
                }
                return LINKER.downcallHandle(symbol, fd, Linker.Option.captureCallState("errno"));
            } catch (Throwable t) {
                throw rethrow(t);
            }
        }
    }

    private static final class Getsockopt {
        static final MethodHandle GETSOCKOPT = downcall("getsockopt",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    }

    private static final class Kill {
        static final MethodHandle KILL = downcall("kill", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT));
    }

    private static final class Sockets {
        static final MethodHandle SOCKET = downcall("socket", FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        static final MethodHandle CONNECT = downcall("connect", FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle SETSOCKOPT = downcall("setsockopt",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT));
        static final MethodHandle GETSOCKNAME = downcall("getsockname",
                FunctionDescriptor.of(JAVA_INT, JAVA_INT, ADDRESS, ADDRESS));
    }

    private static final class Strerror {
        static final MethodHandle STRERROR = LINKER.downcallHandle(LIBC.find("strerror").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, JAVA_INT));
    }

    static {
        boolean arm = System.getProperty("os.arch", "").contains("aarch64");
        O_DIRECTORY = arm ? 040000 : 0200000;
        O_NOFOLLOW = arm ? 0100000 : 0400000;
        O_DIRECT = arm ? 0200000 : 040000;
        SYS_READ = arm ? 63 : 0;
        SYS_LSEEK = arm ? 62 : 8;
        SYS_CLOSE = arm ? 57 : 3;
        SYS_GETDENTS64 = arm ? 61 : 217;
        SYS_STATX = arm ? 291 : 332;
        SYS_BPF = arm ? 280 : 321;
        SYS_WRITE = arm ? 64 : 1;
        SYS_FSYNC = arm ? 82 : 74;
        SYS_MKDIRAT = arm ? 34 : 258;
        SYS_UNLINKAT = arm ? 35 : 263;
        SYS_RENAMEAT2 = arm ? 276 : 316;
        SYS_FLOCK = arm ? 32 : 73;
        SYS_GETEUID = arm ? 175 : 107;
        SYS_KILL = arm ? 129 : 62;
        SYS_FCNTL = arm ? 25 : 72;
        SYS_FSTATFS = arm ? 44 : 138;
    }

    private Libc() {
    }

    private static MethodHandle downcall(String name, FunctionDescriptor fd, Linker.Option... extra) {
        Linker.Option[] options = new Linker.Option[extra.length + 1];
        System.arraycopy(extra, 0, options, 0, extra.length);
        options[extra.length] = Linker.Option.captureCallState("errno");
        MemorySegment symbol = LIBC.find(name)
                .orElseThrow(() -> new UnsupportedOperationException("libc has no " + name));
        return LINKER.downcallHandle(symbol, fd, options);
    }

    private static long check(long result, MemorySegment capture) {
        return result < 0 ? -(int) ERRNO.get(capture, 0L) : result;
    }

    /** syscall(2) through {@link #SYSCALL}; returns the result or -errno. */
    private static long syscall(Scratch scratch, long number, long a, long b, long c, long d, long e) {
        try {
            MemorySegment capture = scratch.capture();
            return check((long) SYSCALL.invokeExact(capture, number, a, b, c, d, e), capture);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** openat2(2) with {@code struct open_how}; returns the fd or -errno. */
    static int openat2(int dirfd, byte[] path, long flags, long resolve) {
        return openat2(dirfd, path, flags, 0, resolve);
    }

    /** openat2(2) that may create: {@code mode} is the new file's permissions (with O_CREAT). */
    static int openat2(int dirfd, byte[] path, long flags, int mode, long resolve) {
        Scratch scratch = Scratch.get();
        MemorySegment how = scratch.allocate(24, 8);
        how.set(JAVA_LONG, 0, flags);
        how.set(JAVA_LONG, 8, mode);
        how.set(JAVA_LONG, 16, resolve);
        MemorySegment name = scratch.cString(path);
        int fd = (int) syscall(scratch, SYS_OPENAT2, dirfd, name.address(), how.address(), 24, 0);
        Reference.reachabilityFence(name);
        Reference.reachabilityFence(how);
        return fd;
    }

    /** statx(2) into {@code buf} (256 bytes); returns 0 or -errno. */
    static int statx(int dirfd, byte[] path, int flags, MemorySegment buf) {
        Scratch scratch = Scratch.get();
        MemorySegment name = scratch.cString(path);
        int r = (int) syscall(scratch, SYS_STATX, dirfd, name.address(), flags, 0xfff, buf.address());
        Reference.reachabilityFence(name);
        Reference.reachabilityFence(buf);
        return r;
    }

    /**
     * A private copy of the mounts at and below {@code path}, attached nowhere, made read-only and
     * noatime: open_tree(2) with OPEN_TREE_CLONE and AT_RECURSIVE (Linux 5.2), then mount_setattr(2)
     * (5.12). Returns an O_PATH descriptor of its top, or -errno (EPERM without CAP_SYS_ADMIN).
     */
    static int frozenTree(byte[] path) {
        Scratch scratch = Scratch.get();
        MemorySegment name = scratch.cString(path);
        int fd = (int) syscall(scratch, SYS_OPEN_TREE, -100 /* AT_FDCWD */, name.address(),
                1 /* OPEN_TREE_CLONE */ | 0x8000 /* AT_RECURSIVE */ | 0x800 /* AT_NO_AUTOMOUNT */ | O_CLOEXEC, 0, 0);
        Reference.reachabilityFence(name);
        if (fd < 0) {
            return fd;
        }
        MemorySegment attr = scratch.allocate(32, 8).fill((byte) 0); // struct mount_attr
        attr.set(JAVA_LONG, 0, 0x1L | 0x10L); // attr_set: MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOATIME
        attr.set(JAVA_LONG, 8, 0x70L); // attr_clr: MOUNT_ATTR__ATIME, the field NOATIME is one value of
        MemorySegment empty = scratch.cString(new byte[0]);
        int r = (int) syscall(scratch, SYS_MOUNT_SETATTR, fd, empty.address(), AT_EMPTY_PATH | 0x8000, attr.address(), 32);
        Reference.reachabilityFence(attr);
        Reference.reachabilityFence(empty);
        if (r < 0) {
            close(fd);
            return r;
        }
        return fd;
    }

    /** getdents64(2): fills {@code buf} with linux_dirent64 records; returns bytes used, 0 at end, or -errno. */
    static long getdents64(int fd, MemorySegment buf) {
        long r = syscall(Scratch.get(), SYS_GETDENTS64, fd, buf.address(), buf.byteSize(), 0, 0);
        Reference.reachabilityFence(buf);
        return r;
    }

    /** readlinkat(2); returns the target's bytes, or null with the errno in {@code err[0]}. */
    static byte[] readlinkat(int dirfd, byte[] name, int[] err) {
        try {
            Scratch scratch = Scratch.get();
            MemorySegment capture = scratch.capture();
            MemorySegment buf = scratch.allocate(4096);
            long r = (long) Readlink.READLINKAT.invokeExact(capture, dirfd, scratch.cString(name), buf, 4096L);
            r = check(r, capture);
            if (r < 0) {
                err[0] = (int) -r;
                return null;
            }
            return buf.asSlice(0, r).toArray(JAVA_BYTE);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** listxattr(2) into {@code buf}: NUL-separated names; returns the length used or -errno. */
    static long listxattr(byte[] path, MemorySegment buf) {
        try {
            Scratch scratch = Scratch.get();
            MemorySegment capture = scratch.capture();
            long r = (long) Xattr.LISTXATTR.invokeExact(capture, scratch.cString(path), buf, buf.byteSize());
            return check(r, capture);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** getxattr(2) of one name into {@code buf}; returns the value's length or -errno. */
    static long getxattr(byte[] path, byte[] name, MemorySegment buf) {
        try {
            Scratch scratch = Scratch.get();
            MemorySegment capture = scratch.capture();
            long r = (long) Xattr.GETXATTR.invokeExact(capture, scratch.cString(path), scratch.cString(name), buf, buf.byteSize());
            return check(r, capture);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** write(2) of {@code buf}; returns bytes written or -errno. */
    static long write(int fd, MemorySegment buf) {
        long r = syscall(Scratch.get(), SYS_WRITE, fd, buf.address(), buf.byteSize(), 0, 0);
        Reference.reachabilityFence(buf);
        return r;
    }

    /** fsync(2); returns 0 or -errno. */
    static int fsync(int fd) {
        return (int) syscall(Scratch.get(), SYS_FSYNC, fd, 0, 0, 0, 0);
    }

    /** mkdirat(2); returns 0 or -errno. */
    static int mkdirat(int dirfd, byte[] name, int mode) {
        Scratch scratch = Scratch.get();
        MemorySegment c = scratch.cString(name);
        int r = (int) syscall(scratch, SYS_MKDIRAT, dirfd, c.address(), mode, 0, 0);
        Reference.reachabilityFence(c);
        return r;
    }

    /** unlinkat(2), of a directory with {@link #AT_REMOVEDIR}; returns 0 or -errno. */
    static int unlinkat(int dirfd, byte[] name, int flags) {
        Scratch scratch = Scratch.get();
        MemorySegment c = scratch.cString(name);
        int r = (int) syscall(scratch, SYS_UNLINKAT, dirfd, c.address(), flags, 0, 0);
        Reference.reachabilityFence(c);
        return r;
    }

    /**
     * renameat2(2) with no flags: {@code to} is replaced atomically, and is never followed if it is
     * a symlink (the link itself is replaced). Returns 0 or -errno.
     */
    static int renameat(int fromDir, byte[] from, int toDir, byte[] to) {
        Scratch scratch = Scratch.get();
        MemorySegment a = scratch.cString(from);
        MemorySegment b = scratch.cString(to);
        int r = (int) syscall(scratch, SYS_RENAMEAT2, fromDir, a.address(), toDir, b.address(), 0);
        Reference.reachabilityFence(a);
        Reference.reachabilityFence(b);
        return r;
    }

    /** flock(2); returns 0 or -errno (EWOULDBLOCK with LOCK_NB when another holds it). */
    static int flock(int fd, int operation) {
        return (int) syscall(Scratch.get(), SYS_FLOCK, fd, operation, 0, 0, 0);
    }

    /** The effective user id: whom the kernel checks a write against. */
    static long geteuid() {
        return syscall(Scratch.get(), SYS_GETEUID, 0, 0, 0, 0, 0);
    }

    /** kill(2) with signal 0: whether process {@code pid} exists (0, or -EPERM: not ours) or not (-ESRCH). */
    static int killZero(int pid) {
        return (int) syscall(Scratch.get(), SYS_KILL, pid, 0, 0, 0, 0);
    }

    /** fstatfs(2): the magic number of the filesystem {@code fd} is on (f_type), or -errno. */
    static long filesystemType(int fd) {
        Scratch scratch = Scratch.get();
        MemorySegment buf = scratch.allocate(120, 8); // struct statfs, f_type first
        long r = syscall(scratch, SYS_FSTATFS, fd, buf.address(), 0, 0, 0);
        return r < 0 ? r : buf.get(JAVA_LONG, 0);
    }

    /** read(2) into {@code buf}; returns bytes read, 0 at end of file, or -errno. */
    static long read(int fd, MemorySegment buf) {
        long r = syscall(Scratch.get(), SYS_READ, fd, buf.address(), buf.byteSize(), 0, 0);
        Reference.reachabilityFence(buf);
        return r;
    }

    /** lseek(2) of {@code fd} to {@code offset} as {@code whence} says; returns the new offset or -errno. */
    static long lseek(int fd, long offset, int whence) {
        return syscall(Scratch.get(), SYS_LSEEK, fd, offset, whence, 0, 0);
    }

    /**
     * cachestat(2) of the whole file: how many of its pages are in the page cache, without reading
     * any (Linux 6.5 and later). Returns the count, or -errno (ENOSYS on older kernels).
     */
    static long cachedPages(int fd) {
        Scratch scratch = Scratch.get();
        MemorySegment range = scratch.allocate(16, 8).fill((byte) 0); // offset 0, length 0: to the end
        MemorySegment stat = scratch.allocate(40, 8);
        long r = syscall(scratch, SYS_CACHESTAT, fd, range.address(), stat.address(), 0, 0);
        Reference.reachabilityFence(range);
        return r < 0 ? r : stat.get(JAVA_LONG, 0);
    }

    /** pread(2) into {@code buf} at {@code offset}; returns bytes read, 0 at end of file, or -errno. */
    static long pread(int fd, MemorySegment buf, long offset) {
        try {
            Scratch scratch = Scratch.get();
            MemorySegment capture = scratch.capture();
            long r = (long) Pread.PREAD.invokeExact(capture, fd, buf, buf.byteSize(), offset);
            return check(r, capture);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** pread(2) of up to {@code length} bytes into {@code buf}, only of pages in the page cache; see Pread. */
    static long preadCached(int fd, byte[] buf, int length, long offset) {
        try {
            Scratch scratch = Scratch.get();
            MemorySegment capture = scratch.capture();
            long r = (long) Pread.PREAD_ARRAY.invokeExact(capture, fd, MemorySegment.ofArray(buf), (long) length, offset);
            return check(r, capture);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** fcntl(2) with an int argument (F_SETFL), or none used (F_GETFL); returns the result or -errno. */
    static int fcntl(int fd, int cmd, int arg) {
        return (int) syscall(Scratch.get(), SYS_FCNTL, fd, cmd, arg, 0, 0);
    }

    static void close(int fd) {
        if (fd < 0) {
            return;
        }
        syscall(Scratch.get(), SYS_CLOSE, fd, 0, 0, 0, 0);
    }

    /**
     * The names of a directory as the C library's readdir(3) gives them, "." and ".." left out: what
     * ps and every other program sees, and so what a library preloaded to hook readdir can edit.
     * Null when it cannot be opened.
     */
    static List<String> readdirNames(String dir) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            MemorySegment d = (MemorySegment) Dirs.OPENDIR.invokeExact(capture, arena.allocateFrom(dir));
            if (d.address() == 0) {
                return null;
            }
            List<String> names = new ArrayList<>();
            try {
                while (true) {
                    MemorySegment e = (MemorySegment) Dirs.READDIR64.invokeExact(capture, d);
                    if (e.address() == 0) {
                        break;
                    }
                    String name = e.reinterpret(19 + 256).getString(19); // struct dirent64: d_name at 19
                    if (!name.equals(".") && !name.equals("..")) {
                        names.add(name);
                    }
                }
            } finally {
                int ignored = (int) Dirs.CLOSEDIR.invokeExact(capture, d);
            }
            return names;
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /** bpf(2) command {@code cmd} with {@code attr} (a union bpf_attr); returns the result or -errno. */
    static long bpf(int cmd, MemorySegment attr) {
        long r = syscall(Scratch.get(), SYS_BPF, cmd, attr.address(), attr.byteSize(), 0, 0);
        Reference.reachabilityFence(attr);
        return r;
    }

    /** pidfd_open(2): a descriptor for process {@code pid}; returns it or -errno. */
    static int pidfdOpen(int pid) {
        return (int) syscall(Scratch.get(), SYS_PIDFD_OPEN, pid, 0, 0, 0, 0);
    }

    /** pidfd_getfd(2): a copy of descriptor {@code fd} of the process {@code pidfd} names; returns it or -errno. */
    static int pidfdGetfd(int pidfd, int fd) {
        return (int) syscall(Scratch.get(), SYS_PIDFD_GETFD, pidfd, fd, 0, 0, 0);
    }

    /** getsockopt(2) into {@code value}, its length in and out through {@code length}; returns 0 or -errno. */
    static int getsockopt(int fd, int level, int name, MemorySegment value, MemorySegment length) {
        try {
            MemorySegment capture = Scratch.get().capture();
            int r = (int) Getsockopt.GETSOCKOPT.invokeExact(capture, fd, level, name, value, length);
            return (int) check(r, capture);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    static final int ESRCH = 3;

    /**
     * The ids from 1 to {@code max} that kill(2) with signal 0 finds a process or thread for
     * (success, or EPERM: there, but not ours to signal); nothing is sent.
     */
    static BitSet killZeroAll(int max) {
        BitSet alive = new BitSet(max + 1);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            for (int pid = 1; pid <= max; pid++) {
                int r = (int) Kill.KILL.invokeExact(capture, pid, 0);
                if (r == 0 || (int) ERRNO.get(capture, 0L) == EPERM) {
                    alive.set(pid);
                }
            }
        } catch (Throwable t) {
            throw rethrow(t);
        }
        return alive;
    }

    /**
     * The TCP ports from {@code from} to {@code to} of a loopback address (4 bytes for IPv4, 16 for
     * IPv6) that accept a connection: one socket connects to each port in turn (Linux lets a socket
     * whose connection was refused connect again), with a send timeout so that a listener whose queue
     * is full cannot stall the scan; a connection that joined the socket to itself (its own port
     * tried) is left out. Returns null when no socket could be made.
     */
    static BitSet tcpAnswering(byte[] address, int from, int to) {
        int family = address.length == 4 ? 2 : 10; // AF_INET, AF_INET6
        BitSet open = new BitSet();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment capture = arena.allocate(CAPTURE);
            MemorySegment sa = arena.allocate(28, 4);
            MemorySegment own = arena.allocate(28, 4);
            MemorySegment ownLength = arena.allocate(JAVA_INT);
            MemorySegment timeout = arena.allocate(16, 8);
            timeout.set(JAVA_LONG, 0, 0L);
            timeout.set(JAVA_LONG, 8, 200_000L); // 0.2 s
            sa.set(JAVA_SHORT, 0, (short) family);
            sa.asSlice(family == 2 ? 4 : 8, address.length).copyFrom(MemorySegment.ofArray(address));
            int length = family == 2 ? 16 : 28;
            int fd = -1;
            for (int port = from; port <= to; port++) {
                if (fd < 0) {
                    fd = (int) Sockets.SOCKET.invokeExact(capture, family, 1 /* SOCK_STREAM */, 0);
                    if (fd < 0) {
                        return null;
                    }
                    int ignored = (int) Sockets.SETSOCKOPT.invokeExact(capture, fd, 1 /* SOL_SOCKET */,
                            21 /* SO_SNDTIMEO */, timeout, 16);
                }
                sa.set(JAVA_BYTE, 2, (byte) (port >> 8));
                sa.set(JAVA_BYTE, 3, (byte) port);
                int r = (int) Sockets.CONNECT.invokeExact(capture, fd, sa, length);
                if (r == 0) {
                    ownLength.set(JAVA_INT, 0, 28);
                    int named = (int) Sockets.GETSOCKNAME.invokeExact(capture, fd, own, ownLength);
                    int ownPort = ((own.get(JAVA_BYTE, 2) & 0xff) << 8)
                            | (own.get(JAVA_BYTE, 3) & 0xff);
                    if (named != 0 || ownPort != port) {
                        open.set(port);
                    }
                    close(fd);
                    fd = -1;
                } else if ((int) ERRNO.get(capture, 0L) != 111 /* ECONNREFUSED */) {
                    close(fd); // timed out or worse: a fresh socket for the next port
                    fd = -1;
                }
            }
            close(fd);
        } catch (Throwable t) {
            throw rethrow(t);
        }
        return open;
    }

    /** The C library's message for an errno: "No such file or directory". */
    static String strerror(int errno) {
        try {
            MemorySegment s = (MemorySegment) Strerror.STRERROR.invokeExact(errno);
            return s.reinterpret(256).getString(0);
        } catch (Throwable t) {
            throw rethrow(t);
        }
    }

    /**
     * Each thread's native memory for the arguments of the call it is making: the errno capture, C
     * strings, small structs. A scan makes millions of calls; an arena each would allocate and free
     * native memory several times a call. What it hands out is valid until the thread's next call,
     * and is not zeroed.
     */
    private static final class Scratch {
        private static final ThreadLocal<Scratch> MINE = ThreadLocal.withInitial(Scratch::new);

        private final MemorySegment capture = Arena.ofAuto().allocate(CAPTURE);
        private MemorySegment block = Arena.ofAuto().allocate(16 * 1024, 8);
        private long used;

        /** This thread's scratch memory, all of it free again. */
        static Scratch get() {
            Scratch s = MINE.get();
            s.used = 0;
            return s;
        }

        MemorySegment capture() {
            return capture;
        }

        MemorySegment allocate(long size) {
            return allocate(size, 1);
        }

        MemorySegment allocate(long size, long alignment) {
            long start = (used + alignment - 1) & -alignment;
            if (start + size > block.byteSize()) {
                // What was handed out stays valid: its slices keep the old block alive.
                block = Arena.ofAuto().allocate(Math.max(2 * block.byteSize(), size), 8);
                start = 0;
            }
            used = start + size;
            return block.asSlice(start, size);
        }

        MemorySegment cString(byte[] s) {
            MemorySegment c = allocate(s.length + 1L);
            MemorySegment.copy(s, 0, c, JAVA_BYTE, 0, s.length);
            c.set(JAVA_BYTE, s.length, (byte) 0);
            return c;
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
