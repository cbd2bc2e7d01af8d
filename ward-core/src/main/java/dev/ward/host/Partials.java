package dev.ward.host;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The files and directories ward writes beside a target before renaming over it, named
 * {@code .NAME.PID.part} and {@code .NAME.PID.d} (a {@code -N} before the suffix when the name is
 * taken) by the process writing them. A run killed with -9 leaves its own behind; the next write of
 * the same target removes those of processes that are gone, and only the user's own.
 */
final class Partials {
    private static final long PID = ProcessHandle.current().pid();

    private final int dirFd;
    private final byte[] target;
    private final String display;

    Partials(int dirFd, byte[] target, String display) {
        this.dirFd = dirFd;
        this.target = target;
        this.display = display;
    }

    /** A name of this process's for a partial of the target, with {@code suffix} (".part" or ".d"), not taken now. */
    byte[] name(String suffix) throws IOException {
        for (int n = 0; n < 100; n++) {
            byte[] name = concat(prefix(), (PID + (n == 0 ? "" : "-" + n) + suffix).getBytes(StandardCharsets.US_ASCII));
            if (HostRoot.statAt(dirFd, name, Libc.AT_SYMLINK_NOFOLLOW, HostPath.ROOT).isEmpty()) {
                return name;
            }
        }
        throw new TargetFile.Refused(display + ": a hundred partial files of this process are in the way");
    }

    /** Creates {@code name} exclusively, mode 0600, never following a link; returns the descriptor to write. */
    static int create(int dirFd, byte[] name, String display) throws IOException {
        int fd = Libc.openat2(dirFd, name, Libc.O_WRONLY | Libc.O_CREAT | Libc.O_EXCL | Libc.O_NOFOLLOW
                | Libc.O_CLOEXEC, 0600, 0);
        if (fd < 0) {
            throw new TargetFile.Refused(display + ": cannot create a file beside it: " + Libc.strerror(-fd));
        }
        return fd;
    }

    /** Removes the partials of the target that processes now gone left, if they are the user's. */
    void removeStale() {
        byte[] prefix = prefix();
        for (byte[] name : names(dirFd)) {
            long pid = pidOf(name, prefix);
            if (pid <= 0 || pid == PID || Libc.killZero((int) pid) != -Libc.ESRCH) {
                continue;
            }
            try {
                FileStat st = HostRoot.statAt(dirFd, name, Libc.AT_SYMLINK_NOFOLLOW, HostPath.ROOT).orElse(null);
                if (st != null && st.uid() == TargetFile.USER) {
                    if (st.isDirectory()) {
                        removeTree(dirFd, name);
                    } else if (st.isRegular()) {
                        Libc.unlinkat(dirFd, name, 0);
                    }
                }
            } catch (HostException e) {
                // left for a later run; it is only a partial file
            }
        }
    }

    /** Removes a directory of ward's own and the files in it (it holds no directories). */
    static void removeTree(int dirFd, byte[] name) {
        int fd = Libc.openat2(dirFd, name, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, 0);
        if (fd >= 0) {
            try {
                for (byte[] file : names(fd)) {
                    Libc.unlinkat(fd, file, 0);
                }
            } finally {
                Libc.close(fd);
            }
        }
        Libc.unlinkat(dirFd, name, Libc.AT_REMOVEDIR);
    }

    /** The process id in {@code .NAME.PID[-N].part} or {@code .d}; 0 for any other name. */
    static long pidOf(byte[] name, byte[] prefix) {
        if (name.length <= prefix.length || !Arrays.equals(name, 0, prefix.length, prefix, 0, prefix.length)) {
            return 0;
        }
        String rest = new String(name, prefix.length, name.length - prefix.length, StandardCharsets.ISO_8859_1);
        int end = rest.endsWith(".part") ? rest.length() - 5 : rest.endsWith(".d") ? rest.length() - 2 : -1;
        if (end <= 0) {
            return 0;
        }
        String id = rest.substring(0, end).replaceFirst("-[0-9]{1,2}$", "");
        return id.matches("[0-9]{1,10}") ? Long.parseLong(id) : 0;
    }

    private byte[] prefix() {
        return concat(concat(new byte[] {'.'}, target), new byte[] {'.'});
    }

    /** The names in a directory (given as an O_PATH descriptor or a readable one), "." and ".." left out. */
    private static List<byte[]> names(int dir) {
        List<byte[]> out = new ArrayList<>();
        int fd = Libc.openat2(dir, new byte[] {'.'}, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC, 0);
        if (fd < 0) {
            return out;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(32 * 1024, 8);
            for (long n; (n = Libc.getdents64(fd, buf)) > 0; ) {
                for (long off = 0; off < n; ) {
                    int reclen = Short.toUnsignedInt(buf.get(ValueLayout.JAVA_SHORT, off + 16));
                    byte[] name = HostDirectory.nameAt(buf, off + 19, off + reclen);
                    if (!Arrays.equals(name, new byte[] {'.'}) && !Arrays.equals(name, new byte[] {'.', '.'})) {
                        out.add(name);
                    }
                    off += reclen;
                }
            }
        } finally {
            Libc.close(fd);
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
