package dev.ward.collect.logs;

import dev.ward.model.LastLogin;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Pure: the records of {@code /var/log/lastlog}, an array indexed by uid of glibc's
 * {@code struct lastlog} (the time, 32 bytes of line, 256 of host): 292 bytes a record on x86-64 and
 * 32-bit hosts, whose time is 32 bits, 296 where it is 64. The file has no header: the size is told
 * from the records of the named uids, as {@link UtmpLayout} tells utmp's. Bad input is a problem
 * naming its offset: a named uid's record cut short by the file's end, an impossible time.
 */
public final class LastlogParser {
    /** The logins read, the record size, and the problems met, each "offset N: what". */
    public record Result(List<LastLogin> logins, int record, List<String> problems) {
    }

    static final int SHORT = 292;
    static final int LONG = 296;
    private static final int LINE = 32;
    private static final int HOST = 256;
    private static final String FILE = "/var/log/lastlog";

    private LastlogParser() {
    }

    /**
     * The records in {@code data} (the start of a file of {@code size} bytes) of the named uids
     * that hold a time, in uid order.
     */
    public static Result parse(byte[] data, long size, SortedMap<Long, String> names) {
        int record = recordSize(data, size, names);
        List<LastLogin> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<Long, String> user : names.entrySet()) {
            long at = user.getKey() * record;
            if (user.getKey() < 0 || at >= data.length) {
                continue; // no record: never logged in
            }
            if (at + record > data.length) {
                problems.add("offset " + at + ": record cut short (" + (data.length - at) + " of " + record + " bytes)");
                continue;
            }
            long sec = time(b, (int) at, record);
            Instant time = UtmpLayout.instant(sec, 0);
            if (time == null) {
                problems.add("offset " + at + ": time out of range (" + sec + " s)");
            } else if (sec != 0) {
                int line = (int) at + record - LINE - HOST;
                out.add(new LastLogin(user.getValue(), time, UtmpLayout.text(data, line, LINE),
                        UtmpLayout.text(data, line + LINE, HOST), FILE));
            }
        }
        return new Result(out, record, problems);
    }

    /**
     * The record size that reads the named uids' records best: the first uid whose record the two
     * sizes judge differently decides; where none does, 296 when that alone divides the size.
     */
    static int recordSize(byte[] data, long size, SortedMap<Long, String> names) {
        for (long uid : names.keySet()) {
            int asShort = judge(data, uid, SHORT);
            int asLong = judge(data, uid, LONG);
            if (asShort != asLong) {
                return asShort > asLong ? SHORT : LONG;
            }
        }
        return size % SHORT != 0 && size % LONG == 0 ? LONG : SHORT;
    }

    /** 1 for a time within 1970 to 2100 and NUL-padded texts, 0 for zeros or no record, -1 otherwise. */
    private static int judge(byte[] data, long uid, int record) {
        long at = uid * record;
        if (uid < 0 || at + record > data.length) {
            return 0;
        }
        long sec = time(ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN), (int) at, record);
        int line = (int) at + record - LINE - HOST;
        boolean padded = padded(data, line, LINE) && padded(data, line + LINE, HOST);
        if (sec == 0 && padded && data[line] == 0 && data[line + LINE] == 0) {
            return 0;
        }
        return sec > 0 && sec < 4_102_444_800L && padded ? 1 : -1;
    }

    private static long time(ByteBuffer b, int at, int record) {
        return record == SHORT ? Integer.toUnsignedLong(b.getInt(at)) : b.getLong(at);
    }

    /** Whether the field holds text then only NULs, as strncpy leaves it. */
    private static boolean padded(byte[] data, int at, int length) {
        int end = at;
        while (end < at + length && data[end] != 0) {
            end++;
        }
        for (int i = end; i < at + length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
