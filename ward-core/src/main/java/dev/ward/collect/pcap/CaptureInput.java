package dev.ward.collect.pcap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A capture's bytes in order, counted, so that each refusal names the offset of the header, record
 * or block it refuses. Reads allocate as the bytes arrive, never much more than there is, whatever
 * a length in the file claims.
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

    /** Up to {@code n} bytes ahead, fewer at the end of the file, left to be read again. */
    byte[] peek(int n) throws IOException {
        in.mark(n);
        byte[] b = in.readNBytes(n);
        in.reset();
        return b;
    }

    /**
     * The next {@code n} bytes of a {@code what} that began at {@code start} and is {@code total}
     * bytes long, or a refusal that the file ends within it.
     */
    ByteBuffer need(long start, int n, long total, String what, ByteOrder order) throws IOException {
        byte[] b = read(n);
        if (b.length < n) {
            throw refusal(start, what + " cut short (" + (offset - start) + " of " + total + " bytes)");
        }
        return ByteBuffer.wrap(b).order(order);
    }

    /** The {@code n}-byte header of the next record or block, or null where the file ends before it. */
    ByteBuffer next(int n, String what, ByteOrder order) throws IOException {
        long start = offset;
        byte[] b = read(n);
        if (b.length == 0) {
            return null;
        }
        if (b.length < n) {
            throw refusal(start, what + " cut short (" + b.length + " of " + n + " bytes)");
        }
        return ByteBuffer.wrap(b).order(order);
    }

    /**
     * Up to {@code n} bytes, fewer at the end of the file. Past 64 KiB, {@code InputStream.readNBytes}
     * allocates a chunk at a time as the bytes come: a length of 16 MiB in a file of 200 bytes costs
     * a chunk, not 16 MiB.
     */
    private byte[] read(int n) throws IOException {
        byte[] b;
        if (n <= 1 << 16) {
            b = new byte[n];
            int got = in.readNBytes(b, 0, n);
            b = got == n ? b : Arrays.copyOf(b, got);
        } else {
            b = in.readNBytes(n);
        }
        offset += b.length;
        return b;
    }

    CaptureFormatException refusal(long at, String reason) {
        return new CaptureFormatException(file, at, reason);
    }
}
