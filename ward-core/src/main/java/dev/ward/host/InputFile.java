package dev.ward.host;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A file the user named for ward to read on the analyst's side (a rule file, a policy, a key, a
 * check): read whole, bounded, and only when it is a regular file. {@code /dev/zero} would fill the
 * memory, a FIFO would wait for ever; both are refused before anything is read, with one line that
 * names the file. The file is opened O_NONBLOCK, so opening a FIFO returns at once.
 */
public final class InputFile {
    /** A file that is not one ward will read: bad input data (exit 65). */
    public static final class Unusable extends IOException {
        Unusable(String message) {
            super(message);
        }
    }

    private InputFile() {
    }

    /** The file's bytes; {@link Unusable} when it is not a regular file or holds more than {@code limit} bytes. */
    public static byte[] read(Path file, long limit) throws IOException {
        String name = HostPath.escape(file.toString().getBytes(StandardCharsets.UTF_8));
        int fd = Libc.openat2(-100 /* AT_FDCWD */, file.toString().getBytes(StandardCharsets.UTF_8),
                Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC | Libc.O_NOATIME, 0);
        if (fd == -Libc.EPERM) {
            fd = Libc.openat2(-100, file.toString().getBytes(StandardCharsets.UTF_8),
                    Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC, 0);
        }
        if (fd < 0) {
            throw new HostException("open", HostPath.of(file.toAbsolutePath().toString()), -fd);
        }
        try {
            FileStat st = HostRoot.statAt(fd, new byte[0], Libc.AT_EMPTY_PATH, HostPath.ROOT).orElseThrow();
            if (!st.isRegular()) {
                throw new Unusable(name + ": not a regular file (" + st.type().name().toLowerCase() + ")");
            }
            byte[] bytes = readUpTo(fd, limit + 1, name);
            if (bytes.length > limit) {
                throw new Unusable(name + ": larger than " + limit + " bytes, more than such a file holds");
            }
            return bytes;
        } finally {
            Libc.close(fd);
        }
    }

    /** The file as text, invalid UTF-8 replaced: a parser then says which line is wrong. */
    public static String text(Path file, long limit) throws IOException {
        return new String(read(file, limit), StandardCharsets.UTF_8);
    }

    private static byte[] readUpTo(int fd, long limit, String name) throws IOException {
        byte[] out = new byte[(int) Math.min(limit, 64 * 1024)];
        int used = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(64 * 1024);
            while (used < limit) {
                long n = Libc.read(fd, buf);
                if (n < 0) {
                    throw new IOException(name + ": read: " + Libc.strerror((int) -n));
                }
                if (n == 0) {
                    break;
                }
                int take = (int) Math.min(n, limit - used);
                if (used + take > out.length) {
                    out = Arrays.copyOf(out, (int) Math.min(limit, Math.max(out.length * 2L, used + take)));
                }
                MemorySegment.copy(buf, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, out, used, take);
                used += take;
            }
        }
        return Arrays.copyOf(out, used);
    }
}
