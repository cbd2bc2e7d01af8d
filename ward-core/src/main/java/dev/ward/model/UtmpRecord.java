package dev.ward.model;

import java.time.Instant;

/**
 * One record of utmp, wtmp or btmp.
 *
 * @param file   the file it was read from, as a path inside the root
 * @param offset where it starts in the file (for wtmpdb's database, the row's ID)
 * @param type   ut_type: 1 run level, 2 boot, 5 init, 6 login, 7 user process (a login), 8 dead
 *               process (a logout), 0 empty
 * @param host   the remote host or address for a network login, or the kernel version of a boot
 * @param time   null for a zeroed time
 */
public record UtmpRecord(String file, long offset, int type, long pid, String line, String user, String host, Instant time,
                         boolean zeroed) {
    public static final int RUN_LVL = 1; // a clean shutdown writes one with the user "shutdown"
    public static final int BOOT_TIME = 2;
    public static final int NEW_TIME = 3; // after a clock change, the new time
    public static final int OLD_TIME = 4; // before a clock change, the old time
    public static final int LOGIN_PROCESS = 6; // btmp records its failed logins with this type
    public static final int USER_PROCESS = 7;
    public static final int DEAD_PROCESS = 8;
}
