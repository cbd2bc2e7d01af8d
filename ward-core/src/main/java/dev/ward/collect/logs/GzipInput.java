package dev.ward.collect.logs;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * gzip data (RFC 1952) decompressed as it is read: a series of members, as gzip(1) writes and
 * concatenates them, each checked against the CRC-32 and length of its trailer. Bad data ends the
 * stream with an IOException whose message starts with the offset in the compressed file where
 * it was found ({@code offset 1234: cut short in a gzip member}); what came before it has been
 * read. Data after the last member is refused likewise, where gzip(1) warns and
 * {@link java.util.zip.GZIPInputStream} ignores it.
 *
 * <p>The output stops at {@value #RATIO} times the compressed size, or {@value #FLOOR} bytes for a
 * smaller file: logs compress 10 to 30 times, deflate at most about 1032 times (zeros), so a
 * rotation that expands further is a bomb, which would otherwise cost minutes of CPU.
 */
final class GzipInput extends InputStream {
    static final long RATIO = 100;
    static final long FLOOR = 64L * 1024 * 1024;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    private final InputStream in;
    private final long limit;
    private final Inflater inflater = new Inflater(true);
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[64 * 1024];
    private int pos; // the next byte of input to take
    private int len; // the end of what was read into input
    private long base; // the offset in the file of input[0]
    private boolean any; // a member was read
    private long total; // bytes decompressed
    private boolean inMember;
    private boolean ended;
    private IOException pending; // bad data found after the bytes last returned

    /** {@code in}, compressed, of {@code size} bytes (which sets the limit). */
    GzipInput(InputStream in, long size) {
        this.in = in;
        this.limit = Math.max(FLOOR, size > Long.MAX_VALUE / RATIO ? Long.MAX_VALUE : size * RATIO);
    }

    @Override
    public int read(byte[] b, int off, int n) throws IOException {
        if (n == 0) {
            return 0;
        }
        if (pending != null) {
            throw pending;
        }
        while (!ended) {
            if (!inMember) {
                inMember = header();
                ended = !inMember;
                continue;
            }
            int got = inflate(b, off, n);
            if (got > 0) {
                return got;
            }
            trailer();
            inMember = false;
        }
        return -1;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Some of the member's data, or 0 at its end. */
    private int inflate(byte[] b, int off, int n) throws IOException {
        while (true) {
            if (inflater.needsInput()) {
                if (pos == len && !fill()) {
                    throw error(offset(), "cut short in a gzip member");
                }
                inflater.setInput(input, pos, len - pos);
            }
            long before = inflater.getBytesWritten();
            String bad = null;
            try {
                inflater.inflate(b, off, n);
            } catch (DataFormatException e) {
                bad = "corrupt deflate data (" + e.getMessage() + ")";
            }
            int got = (int) (inflater.getBytesWritten() - before); // what came before bad data is in b all the same
            pos = len - inflater.getRemaining();
            if (bad != null) {
                pending = error(offset(), bad);
                if (got == 0) {
                    throw pending;
                }
            }
            if (got > 0) {
                crc.update(b, off, got);
                total += got;
                if (total > limit) {
                    throw error(offset(), "decompresses to more than " + limit + " bytes ("
                            + (limit == FLOOR ? "the limit for a small file" : RATIO + " times its size") + "), the rest not read");
                }
                return got;
            }
            if (inflater.finished()) {
                return 0;
            }
            if (!inflater.needsInput()) { // a preset dictionary, which gzip has not
                throw error(offset(), "corrupt deflate data");
            }
        }
    }

    /** Reads a member's header; false at the end of the file after a member. */
    private boolean header() throws IOException {
        long at = offset();
        if (pos == len && !fill()) {
            if (!any) {
                throw error(at, "cut short in a gzip header");
            }
            return false;
        }
        if (next("header") != 0x1f || next("header") != 0x8b) {
            throw error(at, any ? "data after the last gzip member, not read" : "not gzip data");
        }
        if (next("header") != 8) {
            throw error(at + 2, "gzip compression method unknown");
        }
        int flags = next("header");
        if ((flags & 0xe0) != 0) {
            throw error(at + 3, "reserved gzip flags set");
        }
        skip(6); // modification time, extra flags, operating system
        if ((flags & FEXTRA) != 0) {
            skip(next("header") | next("header") << 8);
        }
        for (int field : new int[] {FNAME, FCOMMENT}) {
            while ((flags & field) != 0 && next("header") != 0) {
                // a zero-terminated name or comment
            }
        }
        if ((flags & FHCRC) != 0) {
            skip(2);
        }
        inflater.reset();
        crc.reset();
        any = true;
        return true;
    }

    /** Checks the member's CRC-32 and length (modulo 2^32) against its trailer. */
    private void trailer() throws IOException {
        long at = offset();
        if (next32() != crc.getValue()) {
            throw error(at, "CRC-32 of the gzip member does not match its data");
        }
        if (next32() != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw error(at + 4, "length of the gzip member does not match its data");
        }
    }

    private long next32() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) next("member") << (8 * i);
        }
        return v;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            next("header");
        }
    }

    private int next(String part) throws IOException {
        if (pos == len && !fill()) {
            throw error(offset(), "cut short in a gzip " + part);
        }
        return input[pos++] & 0xff;
    }

    /** Reads more of the file into {@code input}, all of which was taken; false at its end. */
    private boolean fill() throws IOException {
        base += len;
        pos = 0;
        len = Math.max(0, in.read(input));
        return len > 0;
    }

    private long offset() {
        return base + pos;
    }

    private static IOException error(long offset, String what) {
        return new IOException("offset " + offset + ": " + what);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
