package dev.ward.collect.pcap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A capture's bytes in order, counted, so that each refusal names the offset of the header, record
 * or block it refuses. Reads allocate as the bytes arrive, never what a length in the file claims.
 */
final class CaptureInput {
    private final InputStream in;
    private final String file;
    private long offset;

    CaptureInput(InputStream in, String file) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.file = file;
    }

    long offset() {
        return offset;
    }

    boolean atEnd() throws IOException {
        in.mark(1);
        int next = in.read();
        in.reset();
        return next < 0;
    }

    /** Up to {@code n} bytes ahead, fewer at the end of the file, left to be read again. */
    byte[] peek(int n) throws IOException {
        in.mark(n);
        byte[] b = in.readNBytes(n);
        in.reset();
        return b;
    }

    /**
     * The next {@code n} bytes of a {@code what} that began at {@code start} and is {@code total}
     * bytes long, or a refusal that the file ends within it. {@code InputStream.readNBytes} fills
     * its array a chunk at a time, so a length of 16 MiB in a file of 200 bytes costs 200.
     */
    ByteBuffer need(long start, int n, long total, String what, ByteOrder order) throws IOException {
        byte[] b = in.readNBytes(n);
        offset += b.length;
        if (b.length < n) {
            throw refusal(start, what + " cut short (" + (offset - start) + " of " + total + " bytes)");
        }
        return ByteBuffer.wrap(b).order(order);
    }

    CaptureFormatException refusal(long at, String reason) {
        return new CaptureFormatException(file, at, reason);
    }
}
