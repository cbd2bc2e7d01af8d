package dev.ward.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path that ward will write, the way the kernel would but judging every symlink on the
 * way before following it (see {@link TargetFile}). A link is followed when:
 * <ul>
 * <li>it belongs to the user running ward or to root, and</li>
 * <li>its directory is one no other user can write, or a sticky directory such as {@code /tmp} (where
 * only a link's owner can remove it) and the link is the user's or the directory owner's.</li>
 * </ul>
 * Fs.protected_symlinks makes the kernel apply a rule of this kind only in sticky directories; ward
 * applies it everywhere, and to the devices and FIFOs it would write into.
 */
final class TargetPath {
    private static final int AT_FDCWD = -100;
    /** As many links as the kernel follows in one lookup before ELOOP. */
    private static final int MAX_LINKS = 40;
    private static final byte[] DOT = {'.'};
    private static final byte[] DOTDOT = {'.', '.'};

    /**
     * Where a path led: its directory held open ({@code O_PATH}), the name in it, what is there now
     * (null when nothing), and whether that is a device or FIFO to write into.
     *
     * @param directory the directory's path, links followed: what a program that opens by name is given
     */
    record Resolved(int dirFd, byte[] name, String display, String directory, FileStat existing, FileStat special) {
    }

    private TargetPath() {
    }

    static Resolved resolve(Path path) throws IOException {
        String display = HostPath.escape(path.toString().getBytes(StandardCharsets.UTF_8));
        Deque<byte[]> todo = names(path.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
        if (todo.isEmpty() || Arrays.equals(todo.peekLast(), DOT) || Arrays.equals(todo.peekLast(), DOTDOT)) {
            throw new TargetFile.Refused(display + ": is a directory");
        }
        List<byte[]> where = new ArrayList<>();
        int dir = open(AT_FDCWD, "/".getBytes(StandardCharsets.US_ASCII), display);
        int links = 0;
        try {
            while (true) {
                byte[] name = todo.removeFirst();
                if (Arrays.equals(name, DOT)) {
                    continue;
                }
                if (Arrays.equals(name, DOTDOT)) {
                    dir = replace(dir, open(dir, DOTDOT, display));
                    if (!where.isEmpty()) {
                        where.removeLast();
                    }
                    continue;
                }
                FileStat st = statAt(dir, name, display);
                if (st != null && st.isSymlink()) {
                    if (++links > MAX_LINKS) {
                        throw new TargetFile.Refused(display + ": too many levels of symbolic links");
                    }
                    byte[] target = follow(dir, name, st, display, where);
                    Deque<byte[]> rest = names(target);
                    rest.addAll(todo);
                    todo = rest;
                    if (target.length > 0 && target[0] == '/') {
                        dir = replace(dir, open(AT_FDCWD, "/".getBytes(StandardCharsets.US_ASCII), display));
                        where.clear();
                    }
                    if (todo.isEmpty()) {
                        throw new TargetFile.Refused(display + ": leads to a directory");
                    }
                    continue;
                }
                if (todo.isEmpty()) {
                    return last(dir, name, st, display, where);
                }
                if (st == null || !st.isDirectory()) {
                    throw new TargetFile.Refused(display + ": " + show(where, name)
                            + (st == null ? ": no such directory" : ": not a directory"));
                }
                dir = replace(dir, open(dir, name, display));
                where.add(name);
            }
        } catch (IOException | RuntimeException e) {
            Libc.close(dir);
            throw e;
        }
    }

    /** The last name: nothing there, a file to replace, or a device or FIFO to write into. */
    private static Resolved last(int dir, byte[] name, FileStat st, String display, List<byte[]> where)
            throws IOException {
        StringBuilder joined = new StringBuilder();
        for (byte[] w : where) {
            joined.append('/').append(new String(w, StandardCharsets.UTF_8));
        }
        String directory = joined.isEmpty() ? "/" : joined.toString();
        if (st == null || st.isRegular()) {
            return new Resolved(dir, name, display, directory, st, null);
        }
        if (st.isDirectory()) {
            throw new TargetFile.Refused(display + ": is a directory");
        }
        if (st.type() == FileType.SOCKET) {
            throw new TargetFile.Refused(display + ": is a socket");
        }
        if (st.uid() != TargetFile.USER && st.uid() != 0) {
            throw new TargetFile.Refused(display + ": refused: " + st.type().describe()
                    + " owned by uid " + st.uid() + ", not by the user running ward or root");
        }
        return new Resolved(dir, name, display, directory, st, st);
    }

    /** The target of a link that may be followed; {@link TargetFile.Refused} for any other. */
    private static byte[] follow(int dir, byte[] name, FileStat link, String display, List<byte[]> where)
            throws IOException {
        String shown = show(where, name);
        if (link.uid() != TargetFile.USER && link.uid() != 0) {
            throw new TargetFile.Refused(display + ": refused: " + shown + " is a symlink owned by uid " + link.uid()
                    + "; ward writes only through links of the user running it or root");
        }
        FileStat parent = statAt(dir, new byte[0], display);
        if (othersMayWrite(parent) && !(sticky(parent) && (link.uid() == TargetFile.USER || link.uid() == parent.uid()))) {
            throw new TargetFile.Refused(display + ": refused: " + shown
                    + " is a symlink in a directory other users can write");
        }
        int[] err = new int[1];
        byte[] target = Libc.readlinkat(dir, name, err);
        if (target == null) {
            throw new TargetFile.Refused(display + ": cannot read the link " + shown + ": " + Libc.strerror(err[0]));
        }
        return target;
    }

    /** True when a user other than the one running ward, or root, can write into {@code dir}. */
    static boolean othersMayWrite(FileStat dir) {
        return (dir.mode() & 02) != 0 || ((dir.mode() & 020) != 0 && dir.gid() != 0)
                || (dir.uid() != TargetFile.USER && dir.uid() != 0);
    }

    private static boolean sticky(FileStat dir) {
        return (dir.mode() & 01000) != 0;
    }

    /**
     * Refuses a target whose directory a path could stop leading to: each directory from the target's
     * up to "/" must sit in a parent no other user can write, or in a sticky one that the user or
     * root owns it in.
     */
    static void requireStable(Resolved at) throws IOException {
        FileStat here = statAt(at.dirFd(), new byte[0], at.display());
        if (othersMayWrite(here) && !sticky(here)) {
            throw unstable(at, at.directory(), here);
        }
        int fd = open(at.dirFd(), DOT, at.display());
        try {
            for (int depth = 0; depth < 4096; depth++) {
                int up = open(fd, DOTDOT, at.display());
                FileStat parent = statAt(up, new byte[0], at.display());
                if (parent.inode() == here.inode() && parent.device() == here.device()) {
                    Libc.close(up);
                    break; // "/": its own parent
                }
                boolean ownedByUs = here.uid() == TargetFile.USER || here.uid() == 0;
                if (othersMayWrite(parent) && !(sticky(parent) && ownedByUs)) {
                    Libc.close(up);
                    throw unstable(at, "a directory above it", parent);
                }
                fd = replace(fd, up);
                here = parent;
            }
        } finally {
            Libc.close(fd);
        }
        int again = Libc.openat2(AT_FDCWD, at.directory().getBytes(StandardCharsets.UTF_8),
                Libc.O_PATH | Libc.O_DIRECTORY | Libc.O_CLOEXEC, Libc.RESOLVE_NO_SYMLINKS);
        try {
            if (again < 0 || !sameFile(again, at.dirFd(), new byte[0])) {
                throw new TargetFile.Refused(at.display() + ": its directory " + at.directory()
                        + " does not lead to itself without a link");
            }
        } finally {
            Libc.close(again);
        }
    }

    private static TargetFile.Refused unstable(Resolved at, String which, FileStat dir) {
        return new TargetFile.Refused(at.display() + ": refused: " + which + " (owner uid " + dir.uid() + ", mode "
                + Integer.toOctalString(dir.permissions()) + ") lets other users rename what ward writes in "
                + at.directory() + "; write the baseline where only you and root can");
    }

    /**
     * A device or FIFO opened to write into, by name and without following a link, then checked to
     * be the one resolved. A FIFO with no reader yet is waited on, as a shell's redirection would.
     */
    static int openSpecial(Resolved at) throws IOException {
        long flags = Libc.O_WRONLY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC;
        int fd = Libc.openat2(at.dirFd(), at.name(), flags | Libc.O_NONBLOCK, 0);
        if (fd == -Libc.ENXIO) {
            fd = Libc.openat2(at.dirFd(), at.name(), flags, 0);
        } else if (fd >= 0) {
            Libc.fcntl(fd, Libc.F_SETFL, Libc.fcntl(fd, Libc.F_GETFL, 0) & ~(int) Libc.O_NONBLOCK);
        }
        if (fd < 0) {
            throw new TargetFile.Refused(at.display() + ": cannot open: " + Libc.strerror(-fd));
        }
        FileStat now = statAt(fd, new byte[0], at.display());
        if (now == null || now.inode() != at.special().inode() || now.device() != at.special().device()) {
            Libc.close(fd);
            throw new TargetFile.Refused(at.display() + ": replaced while ward opened it");
        }
        return fd;
    }

    /** True when {@code fd} is the file {@code name} of {@code dir} names now ({@code dir} itself for an empty name). */
    static boolean sameFile(int fd, int dir, byte[] name) throws IOException {
        FileStat held = statAt(fd, new byte[0], "");
        FileStat now = statAt(dir, name, "");
        return held != null && now != null && held.inode() == now.inode() && held.device() == now.device();
    }

    /** lstat of {@code name} in {@code dir} ({@code dir} itself for an empty name); null when not there. */
    private static FileStat statAt(int dir, byte[] name, String display) throws IOException {
        int flags = Libc.AT_SYMLINK_NOFOLLOW | (name.length == 0 ? Libc.AT_EMPTY_PATH : 0);
        try {
            return HostRoot.statAt(dir, name, flags, HostPath.ROOT).orElse(null);
        } catch (HostException e) {
            throw new TargetFile.Refused(display + ": " + Libc.strerror(e.errno()));
        }
    }

    private static int open(int dir, byte[] name, String display) throws IOException {
        int fd = Libc.openat2(dir, name, Libc.O_PATH | Libc.O_DIRECTORY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new TargetFile.Refused(display + ": " + Libc.strerror(-fd));
        }
        return fd;
    }

    private static Deque<byte[]> names(byte[] path) {
        return new ArrayDeque<>(HostPath.names(path));
    }

    private static int replace(int old, int fd) {
        Libc.close(old);
        return fd;
    }

    private static String show(List<byte[]> where, byte[] name) {
        StringBuilder s = new StringBuilder();
        for (byte[] w : where) {
            s.append('/').append(HostPath.escape(w));
        }
        return s.append('/').append(HostPath.escape(name)).toString();
    }
}
