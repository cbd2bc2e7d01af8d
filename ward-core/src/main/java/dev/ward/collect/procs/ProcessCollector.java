package dev.ward.collect.procs;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.ProcessViews;
import dev.ward.model.CollectionError;
import dev.ward.model.ProcessEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The live host's processes from /proc: the ones getdents64 lists (past any library hooking
 * readdir), each read from its stat, status, cmdline, exe, cwd, environ, fd and maps files. A
 * process that ends while it is read is left out: it is no longer there. CPU use is measured over
 * {@code sample}: the ticks each process used between two reads of its stat. On an image
 * ({@code --root}) there are no processes to read, and this gives none.
 */
public final class ProcessCollector implements Collector<ProcessEntry> {
    /** Clock ticks a second in /proc (USER_HZ, 100 on every Linux architecture). */
    static final int TICKS = 100;
    private static final long LIMIT = 16L * 1024 * 1024;

    private final Duration sample;

    public ProcessCollector() {
        this(Duration.ZERO);
    }

    public ProcessCollector(Duration sample) {
        this.sample = sample;
    }

    @Override
    public String source() {
        return "processes";
    }

    @Override
    public Class<ProcessEntry> type() {
        return ProcessEntry.class;
    }

    @Override
    public CollectResult<ProcessEntry> collect(Scan scan) {
        HostRoot root = scan.root();
        if (!root.isLive()) {
            return new CollectResult<>(List.of(), List.of());
        }
        List<CollectionError> errors = new ArrayList<>();
        Map<Long, String> users = AccountsCollector.names(scan);
        Instant boot = bootTime(root);
        List<ProcessEntry> out = new ArrayList<>();
        Set<Integer> denied = new TreeSet<>();
        try {
            for (int pid : ProcessViews.byGetdents(root)) {
                read(root, pid, boot, users, denied).ifPresent(out::add);
            }
        } catch (HostException e) {
            errors.add(new CollectionError(source(), "/proc", e.getMessage()));
            return new CollectResult<>(out, errors);
        }
        if (!denied.isEmpty()) {
            errors.add(new CollectionError(source(), "/proc", unread(denied)));
        }
        if (!sample.isZero()) {
            out = sampled(root, out, boot);
        }
        return new CollectResult<>(out, errors);
    }

    /** The processes again after {@code sample}, with the CPU each used meanwhile; those that ended are left out. */
    private List<ProcessEntry> sampled(HostRoot root, List<ProcessEntry> first, Instant boot) {
        long start = System.nanoTime();
        try {
            Thread.sleep(sample);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<ProcessEntry> out = new ArrayList<>();
        for (ProcessEntry p : first) {
            stat(root, p.pid()).filter(s -> Objects.equals(started(boot, s), p.started())).ifPresent(s -> // not a new one
                    out.add(p.withCpuPercent(100.0 * (s.cpuTicks() - p.cpuTicks()) / TICKS / seconds)));
        }
        return out;
    }

    private static Instant started(Instant boot, ProcFiles.Stat s) {
        return boot == null ? null : boot.plusMillis(s.startTicks() * 1000 / TICKS);
    }

    /**
     * What could not be read, in one line: processes of other users (as anyone but root), or ones
     * the kernel keeps even root out of (another namespace's, a container's init).
     */
    static String unread(Set<Integer> pids) {
        return "permission denied reading the executable, working directory, environment, descriptors or memory map of "
                + count(pids) + "; their findings may be missing" + remedy();
    }

    /** What to do about a refusal: run as root, unless ward is root already (then nothing will do). */
    public static String remedy() {
        return HostRoot.asRoot() ? " (the kernel keeps even root out of them: another namespace's, or protected)"
                : ": run as root to read them";
    }

    /** "3 processes (1, 2, 7)", the first ten named. */
    public static String count(Collection<Integer> pids) {
        return pids.size() + " process" + (pids.size() == 1 ? "" : "es") + " ("
                + pids.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "))
                + (pids.size() > 10 ? " and " + (pids.size() - 10) + " more" : "") + ")";
    }

    /** One process, or empty when it ended before it could be read. */
    public static Optional<ProcessEntry> read(HostRoot root, int pid, Instant boot, Map<Long, String> users) {
        return read(root, pid, boot, users, new TreeSet<>());
    }

    /** {@link #read}, adding {@code pid} to {@code denied} when a file of it was refused. */
    static Optional<ProcessEntry> read(HostRoot root, int pid, Instant boot, Map<Long, String> users, Set<Integer> denied) {
        Optional<ProcFiles.Stat> stat = stat(root, pid);
        if (stat.isEmpty()) {
            return Optional.empty();
        }
        ProcFiles.Stat s = stat.get();
        String dir = "/proc/" + pid + "/";
        long uid = ProcFiles.statusField(text(root, dir + "status"), "Uid");
        Runnable refused = () -> denied.add(pid);
        List<String> stdio = new ArrayList<>();
        for (int fd = 0; fd <= 2; fd++) {
            stdio.add(link(root, dir + "fd/" + fd, refused));
        }
        String exe = link(root, dir + "exe", refused);
        List<String> code = ProcFiles.executableMappings(new String(bytes(root, dir + "maps", refused), StandardCharsets.UTF_8));
        code.removeIf(f -> f.equals(exe));
        return Optional.of(new ProcessEntry(pid, s.ppid(), uid, users.getOrDefault(uid, uid < 0 ? "?" : Long.toString(uid)),
                s.name(), ProcFiles.command(bytes(root, dir + "cmdline")), exe, link(root, dir + "cwd", refused), s.state(),
                s.kernelThread(), s.threads(), started(boot, s),
                s.cpuTicks(), -1, s.rssPages() * 4,
                ProcFiles.environment(bytes(root, dir + "environ", refused), "LD_PRELOAD"), stdio, code));
    }

    static Optional<ProcFiles.Stat> stat(HostRoot root, int pid) {
        return Optional.ofNullable(ProcFiles.stat(text(root, "/proc/" + pid + "/stat")));
    }

    public static Instant bootTime(HostRoot root) {
        long btime = ProcFiles.bootTime(text(root, "/proc/stat"));
        return btime < 0 ? null : Instant.ofEpochSecond(btime);
    }

    /** A /proc file's bytes, or none when the process ended or hides it from us. */
    private static byte[] bytes(HostRoot root, String path) {
        return bytes(root, path, () -> { });
    }

    /** {@link #bytes(HostRoot, String)}, running {@code refused} when permission was denied. */
    private static byte[] bytes(HostRoot root, String path, Runnable refused) {
        try {
            return root.read(HostPath.of(path), LIMIT);
        } catch (HostException e) {
            if (e.isDenied()) {
                refused.run();
            }
            return new byte[0];
        }
    }

    /** A /proc file's text, or "" when the process ended or hides it from us. */
    public static String text(HostRoot root, String path) {
        return new String(bytes(root, path), StandardCharsets.UTF_8);
    }

    /** A /proc link's target ("/usr/bin/sleep", "socket:[1234]"), or "" when the process ended or hides it from us. */
    public static String link(HostRoot root, String path) {
        return link(root, path, () -> { });
    }

    private static String link(HostRoot root, String path, Runnable refused) {
        try {
            return root.readlink(HostPath.of(path)).map(b -> new String(b, StandardCharsets.UTF_8)).orElse("");
        } catch (HostException e) {
            if (e.isDenied()) {
                refused.run();
            }
            return "";
        }
    }
}
