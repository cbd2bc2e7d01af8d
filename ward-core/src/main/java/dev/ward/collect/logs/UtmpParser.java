package dev.ward.collect.logs;

import dev.ward.model.UtmpRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure: the binary records of utmp, wtmp and btmp. glibc's {@code struct utmp} is 384 bytes on
 * x86-64 (32-bit session and time fields) and 400 on other 64-bit machines such as aarch64 and
 * s390x (64-bit ones; s390x big-endian). The layout is told from the file's size and from which
 * reading gives sane record types; a last record cut short (a crash or a truncation while it was
 * written) is reported with its offset, never fatal.
 */
public final class UtmpParser {
    /** The records, the layout read, and the bytes of a torn last record (0 when none). */
    public record Result(List<UtmpRecord> records, Layout layout, long tornAt, int tornBytes) {
    }

    public enum Layout {
        X86_64(384, ByteOrder.LITTLE_ENDIAN, 340, 4),
        LP64_LE(400, ByteOrder.LITTLE_ENDIAN, 344, 8),
        LP64_BE(400, ByteOrder.BIG_ENDIAN, 344, 8);

        final int size;
        final ByteOrder order;
        final int timeAt;
        final int timeWidth;

        Layout(int size, ByteOrder order, int timeAt, int timeWidth) {
            this.size = size;
            this.order = order;
            this.timeAt = timeAt;
            this.timeWidth = timeWidth;
        }
    }

    private static final int LINE_AT = 8;
    private static final int USER_AT = 44;
    private static final int HOST_AT = 76;

    private UtmpParser() {
    }

    public static Result parse(byte[] data) {
        return parse(data, "");
    }

    /** {@link #parse(byte[])}, each record naming {@code file}. */
    public static Result parse(byte[] data, String file) {
        Layout layout = layout(data);
        List<UtmpRecord> out = new ArrayList<>();
        int whole = data.length / layout.size * layout.size;
        for (int at = 0; at < whole; at += layout.size) {
            out.add(record(data, at, layout, file));
        }
        int torn = data.length - whole;
        return new Result(out, layout, torn == 0 ? -1 : whole, torn);
    }

    /** The layout whose size divides the file and whose records have known types; x86-64 when unsure. */
    static Layout layout(byte[] data) {
        Layout best = Layout.X86_64;
        int bestScore = Integer.MIN_VALUE;
        for (Layout l : Layout.values()) {
            int score = (data.length % l.size == 0 ? 2 : 0) + sane(data, l);
            if (score > bestScore) {
                best = l;
                bestScore = score;
            }
        }
        return best;
    }

    /** How many of the first records have a type 0 to 9 and a time within 1970 to 2100. */
    private static int sane(byte[] data, Layout l) {
        int score = 0;
        for (int at = 0; at + l.size <= data.length && at < 16 * l.size; at += l.size) {
            ByteBuffer b = ByteBuffer.wrap(data).order(l.order);
            int type = b.getShort(at);
            long sec = field(b, at + l.timeAt, l);
            score += type >= 0 && type <= 9 && sec >= 0 && sec < 4_102_444_800L ? 1 : -1;
        }
        return score;
    }

    private static UtmpRecord record(byte[] data, int at, Layout l, String file) {
        ByteBuffer b = ByteBuffer.wrap(data).order(l.order);
        boolean zeroed = true;
        for (int i = at; i < at + l.size && zeroed; i++) {
            zeroed = data[i] == 0;
        }
        int type = b.getShort(at);
        long pid = Integer.toUnsignedLong(b.getInt(at + 4));
        long sec = field(b, at + l.timeAt, l);
        long usec = field(b, at + l.timeAt + l.timeWidth, l);
        Instant time = sec == 0 && usec == 0 ? null : Instant.ofEpochSecond(sec, Math.floorMod(usec, 1_000_000L) * 1000);
        return new UtmpRecord(file, at, type, pid, text(data, at + LINE_AT, 32), text(data, at + USER_AT, 32),
                text(data, at + HOST_AT, 256), time, zeroed);
    }

    /** A time field (seconds or microseconds): 32 bits unsigned on x86-64, 64 bits elsewhere. */
    private static long field(ByteBuffer b, int at, Layout l) {
        return l.timeWidth == 4 ? Integer.toUnsignedLong(b.getInt(at)) : b.getLong(at);
    }

    /** A NUL-padded field; invalid UTF-8 replaced. */
    private static String text(byte[] data, int at, int max) {
        int end = at;
        while (end < at + max && data[end] != 0) {
            end++;
        }
        return new String(data, at, end - at, StandardCharsets.UTF_8);
    }
}
