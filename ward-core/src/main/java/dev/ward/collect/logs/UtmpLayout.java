package dev.ward.collect.logs;

import dev.ward.model.UtmpRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.ObjLongConsumer;

/**
 * glibc's {@code struct utmp} as each kind of machine writes it: 384 bytes on x86-64 (32-bit
 * session and time fields, for files shared with 32-bit programs) and 400 on other 64-bit machines
 * such as aarch64 and s390x (64-bit ones; s390x big-endian). A file has no header: the layout is
 * told from its first records and its size.
 */
public enum UtmpLayout {
    X86_64(384, ByteOrder.LITTLE_ENDIAN, 340, 4),
    LP64_LE(400, ByteOrder.LITTLE_ENDIAN, 344, 8),
    LP64_BE(400, ByteOrder.BIG_ENDIAN, 344, 8);

    /** How many of the first records tell the layout, and the bytes that takes. */
    static final int HEAD = 16;
    static final int HEAD_BYTES = HEAD * 400;
    private static final int LINE_AT = 8;
    private static final int USER_AT = 44;
    private static final int HOST_AT = 76;
    private static final byte[] ZEROS = new byte[400];

    final int size;
    private final ByteOrder order;
    private final int timeAt;
    private final int timeWidth;

    UtmpLayout(int size, ByteOrder order, int timeAt, int timeWidth) {
        this.size = size;
        this.order = order;
        this.timeAt = timeAt;
        this.timeWidth = timeWidth;
    }

    /**
     * The layout that reads the first {@code length} bytes of a file of {@code size} bytes best: the
     * first record that two layouts judge differently decides, so a file damaged after its first
     * records keeps its layout; where none does (a file of zeros), the layout whose size divides
     * the file's, and x86-64 when unsure.
     */
    static UtmpLayout of(byte[] head, int length, long size) {
        UtmpLayout best = X86_64;
        for (UtmpLayout l : values()) {
            if (l.compare(best, head, length, size) > 0) {
                best = l;
            }
        }
        return best;
    }

    private int compare(UtmpLayout other, byte[] head, int length, long size) {
        for (int i = 0; i < HEAD; i++) {
            int mine = judge(head, length, i);
            int theirs = other.judge(head, length, i);
            if (mine != theirs) {
                return Integer.compare(mine, theirs);
            }
        }
        return Boolean.compare(size % this.size == 0, size % other.size == 0);
    }

    /**
     * Record {@code i} read this way: 1 for a known type (1 to 9) and a time within 1970 to 2100, 0
     * when all zero or absent, -1 otherwise.
     */
    private int judge(byte[] head, int length, int i) {
        int from = i * size;
        if (from + size > length || isZeroed(head, from)) {
            return 0;
        }
        ByteBuffer b = ByteBuffer.wrap(head).order(order);
        int type = b.getShort(from);
        long sec = field(b, from + timeAt);
        return type >= 1 && type <= 9 && sec > 0 && sec < 4_102_444_800L ? 1 : -1;
    }

    boolean isZeroed(byte[] b, int from) {
        return Arrays.mismatch(b, from, from + size, ZEROS, 0, size) < 0;
    }

    /** The record at {@code b[from]}, at {@code offset} of {@code file}; an impossible time is a problem. */
    UtmpRecord record(byte[] b, int from, String file, long offset, ObjLongConsumer<String> problems) {
        ByteBuffer buf = ByteBuffer.wrap(b).order(order);
        long sec = field(buf, from + timeAt);
        long usec = field(buf, from + timeAt + timeWidth);
        Instant time = sec == 0 && usec == 0 ? null : instant(sec, Math.floorMod(usec, 1_000_000L) * 1000);
        if (time == null && sec != 0) {
            problems.accept("time out of range (" + sec + " s)", offset);
        }
        return new UtmpRecord(file, offset, offset + size - 1, buf.getShort(from), Integer.toUnsignedLong(buf.getInt(from + 4)),
                text(b, from + LINE_AT, 32), text(b, from + USER_AT, 32), text(b, from + HOST_AT, 256), time, 0);
    }

    /** A time field (seconds or microseconds): 32 bits unsigned on x86-64, 64 bits elsewhere. */
    private long field(ByteBuffer b, int at) {
        return timeWidth == 4 ? Integer.toUnsignedLong(b.getInt(at)) : b.getLong(at);
    }

    /** Seconds since the epoch as a time, or null past the year 9999 or before the year 0. */
    static Instant instant(long sec, long nanos) {
        return sec < -62_167_219_200L || sec > 253_402_300_799L ? null : Instant.ofEpochSecond(sec, nanos);
    }

    /** A NUL-padded field; invalid UTF-8 replaced. */
    static String text(byte[] data, int at, int max) {
        int end = at;
        while (end < at + max && data[end] != 0) {
            end++;
        }
        return new String(data, at, end - at, StandardCharsets.UTF_8);
    }
}
