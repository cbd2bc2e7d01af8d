package dev.ward.host;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** An open descriptor read as a stream, 64 KiB at a time; closing it closes the descriptor. */
final class FdInputStream extends InputStream {
    private static final int SIZE = 64 * 1024;

    private final int fd;
    private final HostPath path;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment native_ = arena.allocate(SIZE);
    private final byte[] buf = new byte[SIZE];
    private int pos;
    private int end;
    private boolean closed;

    FdInputStream(int fd, HostPath path) {
        this.fd = fd;
        this.path = path;
    }

    @Override
    public int read() throws IOException {
        if (pos == end && !fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (pos == end && !fill()) {
            return -1;
        }
        int n = Math.min(len, end - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean fill() throws IOException {
        if (closed) {
            throw new IOException(path.display() + ": read after close");
        }
        long n = Libc.read(fd, native_);
        if (n < 0) {
            throw new HostException("read", path, (int) -n);
        }
        MemorySegment.copy(native_, java.lang.foreign.ValueLayout.JAVA_BYTE, 0, buf, 0, (int) n);
        pos = 0;
        end = (int) n;
        return n > 0;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Libc.close(fd);
            arena.close();
        }
    }
}
