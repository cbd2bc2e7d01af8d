package dev.ward.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A file the user named for ward to read on the analyst's side (a rule file, a policy, a key, a
 * check): read whole, bounded, and only when it is a regular file. {@code /dev/zero} would fill the
 * memory, a FIFO would wait for ever; both are refused with one line that names the file. Its type
 * comes from stat, which opens nothing, so a FIFO, device or socket is refused without being opened;
 * the file is then opened O_NONBLOCK and checked again, so one swapped in meanwhile is refused too.
 * Symlinks are followed, but not the kernel's magic links of /proc/PID/fd.
 */
public final class InputFile {
    private static final int AT_FDCWD = -100;

    /** A file that is not one ward will read: bad input data (exit 65); {@link #reason} says why. */
    public static final class Unusable extends IOException {
        private final String reason;

        Unusable(String name, String reason) {
            super(name + ": " + reason);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** What was read, and what stat said of the file read. */
    public record Contents(FileStat stat, byte[] bytes) {
    }

    private InputFile() {
    }

    /** The file's bytes; {@link Unusable} when it is not a regular file or holds more than {@code limit} bytes. */
    public static byte[] read(Path file, long limit) throws IOException {
        return read(HostPath.of(file.toAbsolutePath().toString()), limit).bytes();
    }

    /** The file as text, invalid UTF-8 replaced: a parser then says which line is wrong. */
    public static String text(Path file, long limit) throws IOException {
        return new String(read(file, limit), StandardCharsets.UTF_8);
    }

    /** {@link #read(Path, long)} of a path given as bytes, with the file's stat. */
    public static Contents read(HostPath file, long limit) throws IOException {
        FileStat st = stat(file);
        int fd = HostRoot.openToRead(AT_FDCWD, file.bytes(), Libc.O_NONBLOCK, Libc.RESOLVE_NO_MAGICLINKS, file);
        try {
            FileStat now = HostRoot.statAt(fd, new byte[0], Libc.AT_EMPTY_PATH, file).orElseThrow();
            if (!now.isRegular() || now.inode() != st.inode() || now.device() != st.device()) {
                throw new Unusable(file.brief(), "replaced while ward opened it");
            }
            byte[] bytes = HostRoot.readFd(fd, file, limit + 1);
            if (bytes.length > limit) { // it grew since stat, or stat does not know (a /proc file)
                throw tooLarge(file, limit);
            }
            return new Contents(now, bytes);
        } finally {
            Libc.close(fd);
        }
    }

    /**
     * A file read as a stream, for contents too large to hold (a capture of gigabytes): a regular
     * file, or a pipe or FIFO (a capture written by tcpdump as it is read). A FIFO is opened without
     * waiting for a writer; with none, it is empty. Devices, sockets and directories are
     * {@link Unusable}. The caller closes the stream.
     */
    public static java.io.InputStream stream(Path file) throws IOException {
        HostPath path = HostPath.of(file.toAbsolutePath().toString());
        int fd = HostRoot.openToRead(AT_FDCWD, path.bytes(), Libc.O_NONBLOCK, 0, path);
        try {
            FileStat st = HostRoot.statAt(fd, new byte[0], Libc.AT_EMPTY_PATH, path).orElseThrow();
            if (!st.isRegular() && st.type() != FileType.FIFO) {
                throw new Unusable(path.brief(), "not a regular file or a pipe (" + st.type().describe() + ")");
            }
            Libc.fcntl(fd, Libc.F_SETFL, Libc.fcntl(fd, Libc.F_GETFL, 0) & ~(int) Libc.O_NONBLOCK);
        } catch (IOException | RuntimeException e) {
            Libc.close(fd);
            throw e;
        }
        return new FdInputStream(fd, path);
    }

    /** stat following links; refuses what is not a regular file of a size that can be read. */
    private static FileStat stat(HostPath file) throws IOException {
        int fd = Libc.openat2(AT_FDCWD, file.bytes(), Libc.O_PATH | Libc.O_CLOEXEC, Libc.RESOLVE_NO_MAGICLINKS);
        if (fd < 0) {
            throw new HostException("open", file, -fd);
        }
        try {
            FileStat st = HostRoot.statAt(fd, new byte[0], Libc.AT_EMPTY_PATH, file).orElseThrow();
            if (!st.isRegular()) {
                throw new Unusable(file.brief(), "not a regular file (" + st.type().describe() + ")");
            }
            return st;
        } finally {
            Libc.close(fd);
        }
    }

    private static Unusable tooLarge(HostPath file, long limit) {
        String size = limit % (1 << 20) == 0 ? (limit >> 20) + " MiB"
                : limit % 1024 == 0 ? (limit >> 10) + " KiB" : limit + " bytes";
        return new Unusable(file.brief(), "larger than " + size);
    }
}
