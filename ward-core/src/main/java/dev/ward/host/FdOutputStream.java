package dev.ward.host;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Writes to an open descriptor, 64 KiB at a time; closing flushes but leaves the descriptor to its
 * owner. A failed write (a full disk) is an exception naming the file, never a lost report.
 */
final class FdOutputStream extends OutputStream {
    private static final int SIZE = 64 * 1024;

    private final int fd;
    private final String name;
    private final Arena arena = Arena.ofConfined();
    private final MemorySegment buf = arena.allocate(SIZE);
    private int used;

    FdOutputStream(int fd, String name) {
        this.fd = fd;
        this.name = name;
    }

    @Override
    public void write(int b) throws IOException {
        if (used == SIZE) {
            flush();
        }
        buf.set(ValueLayout.JAVA_BYTE, used++, (byte) b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            if (used == SIZE) {
                flush();
            }
            int n = Math.min(len, SIZE - used);
            MemorySegment.copy(b, off, buf, ValueLayout.JAVA_BYTE, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void flush() throws IOException {
        for (int done = 0; done < used; ) {
            long n = Libc.write(fd, buf.asSlice(done, used - done));
            if (n < 0) {
                used = 0;
                throw new TargetFile.WriteFailed(name, "write", (int) -n);
            }
            done += (int) n;
        }
        used = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            arena.close();
        }
    }
}
