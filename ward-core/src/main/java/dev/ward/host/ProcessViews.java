package dev.ward.host;

import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Three views of the live host's processes, which a rootkit must fake alike to stay hidden: the
 * numbers in {@code /proc} as the C library's readdir(3) lists them (what ps sees, and what a
 * preloaded library hooks), as getdents64(2) lists them (what the kernel says, unless a kernel
 * module hooks it), and every id up to {@code pid_max} that kill(2) with signal 0 answers for
 * (threads included). Nothing here reads an image: these are the running kernel's. Likewise the
 * TCP ports of the loopback addresses that answer a connect, against the kernel's socket tables.
 */
public final class ProcessViews {
    public static final HostPath PROC = HostPath.of("/proc");
    static final int DEFAULT_PID_MAX = 4_194_304;

    private ProcessViews() {
    }

    /** /proc's process numbers through libc's readdir. */
    public static TreeSet<Integer> byReaddir() {
        List<String> names = Libc.readdirNames("/proc");
        TreeSet<Integer> out = new TreeSet<>();
        if (names != null) {
            names.stream().map(ProcessViews::pid).flatMap(Optional::stream).forEach(out::add);
        }
        return out;
    }

    /** /proc's process numbers through getdents64, past libc. */
    public static TreeSet<Integer> byGetdents(HostRoot live) throws HostException {
        TreeSet<Integer> out = new TreeSet<>();
        for (DirEntry e : live.list(PROC)) {
            pid(e.name()).ifPresent(out::add);
        }
        return out;
    }

    /** Every process and thread id kill(2) finds, from 1 to {@code max}. */
    public static BitSet byKill(int max) {
        return Libc.killZeroAll(max);
    }

    /** The TCP ports of a loopback address that accept a connection (see {@link Libc#tcpAnswering}); null without sockets. */
    public static BitSet tcpAnswering(byte[] address, int from, int to) {
        return Libc.tcpAnswering(address, from, to);
    }

    /** /proc/sys/kernel/pid_max, or Linux's largest default when it cannot be read. */
    public static int pidMax(HostRoot live) {
        try {
            return live.readText(HostPath.of("/proc/sys/kernel/pid_max")).map(String::strip).map(Integer::parseInt)
                    .orElse(DEFAULT_PID_MAX);
        } catch (HostException | NumberFormatException e) {
            return DEFAULT_PID_MAX;
        }
    }

    private static Optional<Integer> pid(String name) {
        if (name.isEmpty() || name.length() > 9 || !name.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(name));
    }
}
