package dev.ward.collect.procs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Pure: the text of a process's files under /proc, as the kernel writes them (proc(5)). */
public final class ProcFiles {
    /** PF_KTHREAD in /proc/PID/stat's flags: a kernel thread. */
    static final long PF_KTHREAD = 0x00200000;

    private ProcFiles() {
    }

    /**
     * What ward takes from /proc/PID/stat. The name is between the first "(" and the last ")": it
     * may hold spaces and parentheses of its own.
     */
    public record Stat(int pid, String name, String state, int ppid, long flags, long cpuTicks, int threads,
                       long startTicks, long rssPages) {
        public boolean kernelThread() {
            return (flags & PF_KTHREAD) != 0;
        }
    }

    /** /proc/PID/stat; null when it is not the kernel's format. */
    public static Stat stat(String text) {
        int open = text.indexOf(" (");
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open || close + 2 > text.length()) {
            return null;
        }
        String[] f = text.substring(close + 2).strip().split(" ");
        if (f.length < 22) {
            return null;
        }
        try {
            // f[0] is field 3 (state); field n is f[n - 3]
            return new Stat(Integer.parseInt(text.substring(0, open)), text.substring(open + 2, close), f[0],
                    Integer.parseInt(f[1]), Long.parseUnsignedLong(f[6]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Integer.parseInt(f[17]), Long.parseLong(f[19]), Long.parseLong(f[21]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A field's first value in /proc/PID/status ("Uid:\t1000\t1000\t1000\t1000" gives 1000); -1 when absent. */
    public static long statusField(String status, String key) {
        for (String line : status.split("\n")) {
            if (line.startsWith(key + ":")) {
                String[] v = line.substring(key.length() + 1).strip().split("\\s+");
                try {
                    return Long.parseLong(v[0]);
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    /** /proc/PID/cmdline: arguments separated by NUL, joined by spaces. */
    public static String command(byte[] cmdline) {
        int end = cmdline.length;
        while (end > 0 && cmdline[end - 1] == 0) {
            end--;
        }
        byte[] b = Arrays.copyOf(cmdline, end);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                b[i] = ' ';
            }
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A variable of /proc/PID/environ (NUL-separated NAME=value), or "". */
    public static String environment(byte[] environ, String name) {
        String prefix = name + "=";
        for (String entry : new String(environ, StandardCharsets.UTF_8).split("\0")) {
            if (entry.startsWith(prefix)) {
                return entry.substring(prefix.length());
            }
        }
        return "";
    }

    /** The files /proc/PID/maps maps executable ("r-xp"), each once, in order, " (deleted)" kept. */
    public static List<String> executableMappings(String maps) {
        Set<String> out = new LinkedHashSet<>();
        for (String line : maps.split("\n")) {
            String[] f = line.split("\\s+", 6);
            if (f.length == 6 && f[1].indexOf('x') >= 0 && f[5].startsWith("/")) {
                out.add(f[5]);
            }
        }
        return new ArrayList<>(out);
    }

    /** "btime" of /proc/stat: the boot, in seconds since the epoch; -1 when absent. */
    public static long bootTime(String procStat) {
        return statusField(procStat.replace("btime ", "btime:"), "btime");
    }
}
