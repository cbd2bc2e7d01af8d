package dev.ward.model;

import java.time.Instant;

/**
 * One record of utmp, wtmp or btmp, or a run of consecutive records of nothing but zero bytes (what
 * log cleaners leave, and a sparse file's holes), which stands for all of them: its type is 0, its
 * texts empty and its time null.
 *
 * @param file   the file it was read from, as a path inside the root
 * @param offset where it starts in the file (for wtmpdb's database, the row's ID)
 * @param last   the offset of its last byte (for wtmpdb's database, the row's ID)
 * @param type   ut_type: 1 run level, 2 boot, 5 init, 6 login, 7 user process (a login), 8 dead
 *               process (a logout), 0 empty
 * @param host   the remote host or address for a network login, or the kernel version of a boot
 * @param time   null for a zeroed time, or one past the year 9999
 * @param zeroed how many records of zero bytes it stands for; 0 for a record with contents
 */
public record UtmpRecord(String file, long offset, long last, int type, long pid, String line, String user, String host,
                         Instant time, long zeroed) {
    public static final int RUN_LVL = 1; // a clean shutdown writes one with the user "shutdown"
    public static final int BOOT_TIME = 2;
    public static final int NEW_TIME = 3; // after a clock change, the new time
    public static final int OLD_TIME = 4; // before a clock change, the old time
    public static final int LOGIN_PROCESS = 6; // btmp records its failed logins with this type
    public static final int USER_PROCESS = 7;
    public static final int DEAD_PROCESS = 8;

    /** {@code count} consecutive records of zero bytes, from {@code offset} to {@code last}. */
    public static UtmpRecord zeroedRun(String file, long offset, long last, long count) {
        return new UtmpRecord(file, offset, last, 0, 0, "", "", "", null, count);
    }

    public boolean isZeroed() {
        return zeroed > 0;
    }
}
