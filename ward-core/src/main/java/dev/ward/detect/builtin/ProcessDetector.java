package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.net.ProcNet;
import dev.ward.collect.net.SocketCollector;
import dev.ward.collect.procs.ProcFiles;
import dev.ward.collect.procs.ProcessCollector;
import dev.ward.collect.procs.WatchCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.ProcessViews;
import dev.ward.model.Finding;
import dev.ward.model.ProcessEntry;
import dev.ward.model.Severity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the live host's processes give away (skipped on an image: it runs nothing):
 * <ul>
 * <li>{@code linux.procs.hidden_process} (critical, T1014): a process /proc holds that the C
 * library's readdir does not list (a preloaded library hooks it), or that kill(2) finds and
 * getdents64 does not list (a kernel module hooks that); confirmed by a second look, since
 * processes are born and end while the views are taken.</li>
 * <li>{@code linux.procs.memory_executable} (critical, T1620): running from a memory file
 * ({@code memfd:}), an executable that was never on disk.</li>
 * <li>{@code linux.procs.deleted_executable} (high, T1070.004): its executable was deleted and
 * nothing stands at its path now; low when something does (a package upgraded it: restart it).</li>
 * <li>{@code linux.procs.runs_from_temp} (high, T1036.005): its executable is in /tmp, /var/tmp,
 * /dev/shm or a hidden directory outside the home directories (where ~/.local, ~/.cargo and their
 * kin hold what people install for themselves).</li>
 * <li>{@code linux.procs.fake_kernel_thread} (high, T1036.004): a user process named like a kernel
 * thread ("[kworker/0:1]"); the kernel's own have no executable and the kernel thread flag.</li>
 * <li>{@code linux.procs.masquerading} (high, T1036.005): named (its name, or argv[0]) after a program
 * of the system's (/usr/bin/sshd) while it runs another; medium when a package installed what it
 * runs. A name that is the program's own under another link (sh for dash), a truncated name, or the
 * name of the script an interpreter runs is no disguise.</li>
 * <li>{@code linux.procs.reverse_shell} (critical, T1059.004): a shell or interpreter whose input or
 * output is a TCP or UDP socket.</li>
 * <li>{@code linux.procs.ld_preload} (high, T1574.006): LD_PRELOAD in a process's environment.</li>
 * <li>{@code linux.procs.injected_library} (high, T1574.006): code mapped from such a place.</li>
 * <li>{@code linux.procs.unowned_library} (high, T1574.006): a library in a directory of the
 * system's own (/usr/lib, /lib/x86_64-linux-gnu...) that no package installed, mapped as code: what
 * a preloaded rootkit library looks like once loaded; one finding a library, with its processes.</li>
 * <li>{@code linux.procs.deleted_library} (low, T1070.004): a library deleted while processes run
 * it, outside temporary places (an upgrade does the same: restart them).</li>
 * <li>{@code linux.procs.unowned_busy} (medium, T1496): a program no package installed that used
 * half a CPU or more while sampled (coin miners).</li>
 * </ul>
 * Ward's own process is its self-check's to judge.
 */
public final class ProcessDetector implements Detector {
    static final Pattern KERNEL_NAME = Pattern.compile("\\[[^\\]]+\\]");
    static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", "ash",
            "busybox", "perl", "ruby", "php", "lua", "node", "nc", "ncat", "netcat", "socat", "telnet", "awk", "gawk");
    static final Pattern PYTHON = Pattern.compile("python[0-9.]*");
    static final Duration SECOND_LOOK = Duration.ofMillis(200);

    private final ProcessCollector processes;
    private final WatchCollector watched;

    public ProcessDetector() {
        this(new ProcessCollector(), new WatchCollector(Duration.ZERO));
    }

    /** Judges the processes of {@code processes} and those born during {@code watched}. */
    public ProcessDetector(ProcessCollector processes, WatchCollector watched) {
        this.processes = processes;
        this.watched = watched;
    }

    @Override
    public String name() {
        return "processes";
    }

    @Override
    public void detect(Scan scan, Results out) {
        HostRoot root = scan.root();
        if (!root.isLive()) {
            out.skipped("processes", Evidence.LIVE_ONLY);
            return;
        }
        List<ProcessEntry> all = new ArrayList<>(out.take(scan.records(watched)));
        Set<String> known = new HashSet<>();
        all.forEach(p -> known.add(p.pid() + "@" + p.started()));
        out.take(scan.records(processes)).stream().filter(p -> known.add(p.pid() + "@" + p.started())).forEach(all::add);
        long self = ProcessHandle.current().pid();
        Map<Long, ProcNet.Socket> sockets = SocketCollector.kernelTables(scan);
        Map<String, List<Long>> deleted = new TreeMap<>();
        Map<String, List<Long>> system = new TreeMap<>();
        for (ProcessEntry p : all) {
            if (p.pid() != self && !p.kernelThread()) {
                judge(p, sockets, scan, root, out);
                for (String lib : p.mappedCode()) {
                    String file = lib.replace(" (deleted)", "");
                    if (odd(file)) {
                        continue; // judged above, process by process
                    }
                    if (lib.endsWith(" (deleted)")) {
                        deleted.computeIfAbsent(file, k -> new ArrayList<>()).add((long) p.pid());
                    } else if (SYSTEM_LIBRARY.matcher(file).matches()) {
                        system.computeIfAbsent(file, k -> new ArrayList<>()).add((long) p.pid());
                    }
                }
            }
        }
        libraries(deleted, system, scan, out);
        hidden(root, out);
    }

    private static void judge(ProcessEntry p, Map<Long, ProcNet.Socket> sockets, Scan scan, HostRoot root,
                              Results out) {
        String exe = p.exe();
        boolean deleted = exe.endsWith(" (deleted)");
        String path = deleted ? exe.substring(0, exe.length() - " (deleted)".length()) : exe;
        if (exe.startsWith("/memfd:")) {
            out.add(finding(p, "linux.procs.memory_executable", Severity.CRITICAL, "Process runs from a memory file",
                    "runs " + exe + ", a file that only ever existed in memory", "T1620").build());
        } else if (deleted) {
            boolean replaced = !odd(path) && root.lstatOrEmpty(HostPath.of(path)).isPresent();
            out.add(finding(p, "linux.procs.deleted_executable", replaced ? Severity.LOW : Severity.HIGH,
                    replaced ? "Process runs an executable since replaced" : "Process runs a deleted executable",
                    "runs " + path + ", deleted from disk" + (replaced ? "; a new file stands there (an upgrade: restart it)"
                            : odd(path) ? ", from a temporary or hidden place" : ""), "T1070.004").build());
        } else if (!exe.isEmpty() && odd(path)) {
            out.add(finding(p, "linux.procs.runs_from_temp", Severity.HIGH, "Process runs from a temporary or hidden place",
                    "runs " + path, "T1036.005").build());
        }
        String argv0 = p.command().strip().split(" ", 2)[0];
        if (KERNEL_NAME.matcher(p.name()).matches() || KERNEL_NAME.matcher(argv0).matches()) {
            out.add(finding(p, "linux.procs.fake_kernel_thread", Severity.HIGH, "User process named like a kernel thread",
                    "named " + (KERNEL_NAME.matcher(argv0).matches() ? argv0 : p.name()) + " but runs "
                            + (exe.isEmpty() ? "a program" : exe) + " as a user process", "T1036.004").build());
        }
        String namesake = deleted || exe.startsWith("/memfd:") || exe.isEmpty() ? null : namesake(p, path, root);
        if (namesake != null) {
            boolean unowned = Evidence.unowned(scan, path);
            out.add(finding(p, "linux.procs.masquerading", unowned ? Severity.HIGH : Severity.MEDIUM,
                    "Process named after another program", "is named like " + namesake + " but runs " + path
                            + (unowned ? ", which no package installed" : ""), "T1036.005")
                    .evidence("namesake", namesake).build());
        }
        String program = path.substring(path.lastIndexOf('/') + 1);
        if (SHELLS.contains(program) || PYTHON.matcher(program).matches()) {
            for (int fd = 0; fd < 2; fd++) {
                ProcNet.Socket s = socket(p.stdio().get(fd), sockets);
                if (s != null) {
                    out.add(finding(p, "linux.procs.reverse_shell", Severity.CRITICAL, "Shell talking to the network",
                            program + "'s " + (fd == 0 ? "input" : "output") + " is a " + s.protocol() + " socket, "
                                    + s.local() + " to " + s.remote(), "T1059.004")
                            .evidence("local", s.local()).evidence("remote", s.remote()).build());
                    break;
                }
            }
        }
        if (!p.ldPreload().isBlank()) {
            out.add(finding(p, "linux.procs.ld_preload", Severity.HIGH, "Process runs with LD_PRELOAD",
                    "LD_PRELOAD=" + p.ldPreload(), "T1574.006").evidence("LD_PRELOAD", p.ldPreload()).build());
        }
        for (String lib : p.mappedCode()) {
            String file = lib.replace(" (deleted)", "");
            if (odd(file)) {
                out.add(finding(p, "linux.procs.injected_library", Severity.HIGH,
                        "Process maps code from a temporary or hidden place", "maps " + lib, "T1574.006")
                        .evidence("library", lib).path(file).build());
            }
        }
        if (p.cpuPercent() >= 50 && !path.isEmpty() && !deleted && Evidence.unowned(scan, path)) {
            out.add(finding(p, "linux.procs.unowned_busy", Severity.MEDIUM, "Busy program that no package installed",
                    String.format("%s used %.0f%% of a CPU while sampled, and no package installed it", path,
                            p.cpuPercent()), "T1496").build());
        }
    }

    /** Where the programs a process may be named after are looked up. */
    static final List<String> PROGRAM_DIRS = List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin");
    /** What a program's file name is made of; "sshd: root@pts/0" and "(sd-pam)" name no program. */
    static final Pattern PROGRAM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]*");
    /** The kernel keeps the first 15 bytes of a process's name. */
    static final int NAME_LENGTH = 15;

    /**
     * The system program a process is named after, by its name or argv[0], when it runs another
     * file; null when its names are its own (the executable's file name, or the first 15 bytes of
     * it), name no program, lead to the very file it runs (sh, a link to dash), or name the script
     * an interpreter runs (argv[1] is /usr/sbin/needrestart for perl).
     */
    static String namesake(ProcessEntry p, String exe, HostRoot root) {
        String own = exe.substring(exe.lastIndexOf('/') + 1);
        String[] argv = p.command().strip().split(" ");
        String argv0 = argv[0].substring(argv[0].lastIndexOf('/') + 1).replaceFirst("^-", "");
        List<String> names = Stream.of(p.name(), argv0).distinct()
                .filter(name -> !name.equals(own) && !(name.length() == NAME_LENGTH && own.startsWith(name)))
                .filter(name -> PROGRAM_NAME.matcher(name).matches() && !scriptRun(argv, name)).toList();
        FileStat running = names.isEmpty() ? null : root.statOrEmpty(HostPath.of(exe)).orElse(null);
        if (running == null) {
            return null; // nothing to judge, or a file of another mount namespace's
        }
        for (String name : names) {
            for (String dir : PROGRAM_DIRS) {
                FileStat named = root.statOrEmpty(HostPath.of(dir + "/" + name)).orElse(null);
                if (named != null && named.isRegular()) {
                    if (named.inode() == running.inode() && named.device() == running.device()) {
                        break; // its own file under another name
                    }
                    return dir + "/" + name;
                }
            }
        }
        return null;
    }

    /** Whether an argument after argv[0] is {@code name} or a path to it: the script an interpreter runs. */
    private static boolean scriptRun(String[] argv, String name) {
        for (int i = 1; i < argv.length; i++) {
            if (argv[i].equals(name) || argv[i].endsWith("/" + name)) {
                return true;
            }
        }
        return false;
    }

    /** A library in a directory of the system's own (/usr/lib, /lib64, /usr/lib/x86_64-linux-gnu...), not below. */
    static final Pattern SYSTEM_LIBRARY = Pattern.compile("/(usr/)?lib(32|64|x32)?(/[a-z0-9_]+-linux-[a-z0-9_]+)?/[^/]+");

    /** Libraries deleted from under running processes, and libraries of system directories no package installed. */
    private static void libraries(Map<String, List<Long>> deleted, Map<String, List<Long>> system,
                                  Scan scan, Results out) {
        deleted.forEach((lib, pids) -> out.add(library(lib, pids, "linux.procs.deleted_library", Severity.LOW,
                "Processes run code of a deleted library", "was deleted while they run it (an upgrade replaces a library "
                        + "this way: restart them)", "T1070.004")));
        system.forEach((lib, pids) -> {
            if (Evidence.unowned(scan, lib)) {
                out.add(library(lib, pids, "linux.procs.unowned_library", Severity.HIGH,
                        "Processes run a system library no package installed", "sits among the system's libraries, "
                                + "but no package installed it", "T1574.006"));
            }
        });
    }

    private static Finding library(String lib, List<Long> pids, String check, Severity severity, String title, String what,
                                   String attack) {
        Finding.Builder b = Finding.builder(check, severity, title)
                .summary(lib + ", mapped by " + pids.size() + " process" + (pids.size() == 1 ? "" : "es") + " (" + pids
                        + "), " + what)
                .evidence("library", lib).evidence("pids", pids).path(lib).attack(attack)
                .remediation("Keep a copy (cp /proc/PID/map_files/... recovers a deleted one), find what put it there "
                        + "(its times, the package logs), then restart the processes from trusted binaries.");
        pids.forEach(b::pid);
        return b.build();
    }

    /**
     * A temporary directory, or a hidden one outside the home directories: programs people install
     * for themselves live in ~/.local, ~/.cargo or ~/.pyenv, and running from there says nothing.
     */
    static boolean odd(String path) {
        boolean home = path.startsWith("/root/") || path.startsWith("/home/");
        return Indicators.isTemp(path) || (!home && Indicators.isTempOrHidden(path));
    }

    /** The TCP or UDP socket a descriptor links ("socket:[1234]"), or null. */
    private static ProcNet.Socket socket(String link, Map<Long, ProcNet.Socket> sockets) {
        ProcNet.Socket s = sockets.get(ProcNet.inode(link));
        return s != null && (s.protocol().startsWith("tcp") || s.protocol().startsWith("udp")) ? s : null;
    }

    /** The processes some view leaves out, each confirmed by a second look. */
    private static void hidden(HostRoot root, Results out) {
        try {
            Set<Integer> suspects = candidates(root);
            if (suspects.isEmpty()) {
                return;
            }
            Thread.sleep(SECOND_LOOK);
            Set<Integer> again = candidates(root);
            Map<Long, String> none = Map.of();
            for (int pid : suspects) {
                if (!again.contains(pid)) {
                    continue; // born or ended between the views
                }
                TreeSet<Integer> libc = ProcessViews.byReaddir();
                TreeSet<Integer> kernel = ProcessViews.byGetdents(root);
                String views = (libc.contains(pid) ? "" : "readdir (libc, what ps uses) does not list it; ")
                        + (kernel.contains(pid) ? "getdents64 lists it" : "getdents64 does not list it; kill(2) finds it");
                var entry = ProcessCollector.read(root, pid, ProcessCollector.bootTime(root), none);
                Finding.Builder b = Finding.builder("linux.procs.hidden_process", Severity.CRITICAL, "Hidden process")
                        .summary("process " + pid + entry.map(e -> " (" + e.name() + ", " + (e.exe().isEmpty() ? e.command()
                                : e.exe()) + ")").orElse("") + " is hidden: " + views)
                        .evidence("pid", pid).evidence("views", views).pid(pid).attack("T1014")
                        .remediation("Something on this host edits what programs see: examine it offline (boot trusted "
                                + "media, mount its disk read-only, ward triage --root), and look for the library or "
                                + "module doing it (/etc/ld.so.preload, LD_PRELOAD, lsmod against /sys/module).");
                entry.ifPresent(e -> b.evidence("name", e.name()).evidence("exe", e.exe()).evidence("command", e.command())
                        .evidence("user", e.user()));
                out.add(b.build());
            }
        } catch (HostException e) {
            out.error("processes", "/proc", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The ids one view has and another lacks: in getdents64's listing of /proc but not readdir's, or
     * found by kill(2) as a process of its own (not a thread of another) and in neither listing.
     */
    private static Set<Integer> candidates(HostRoot root) throws HostException {
        TreeSet<Integer> libc = ProcessViews.byReaddir();
        TreeSet<Integer> kernel = ProcessViews.byGetdents(root);
        Set<Integer> out = new TreeSet<>(kernel);
        out.removeAll(libc);
        BitSet alive = ProcessViews.byKill(ProcessViews.pidMax(root));
        for (int id = alive.nextSetBit(0); id >= 0; id = alive.nextSetBit(id + 1)) {
            if (!kernel.contains(id) && tgid(root, id) == id) {
                out.add(id);
            }
        }
        return out;
    }

    /** The process a thread id belongs to (its own id for a process), or -1 when gone. */
    private static long tgid(HostRoot root, int id) {
        try {
            return root.readText(HostPath.of("/proc/" + id + "/status"))
                    .map(s -> ProcFiles.statusField(s, "Tgid")).orElse(-1L);
        } catch (HostException e) {
            return -1;
        }
    }

    private static Finding.Builder finding(ProcessEntry p, String check, Severity severity, String title, String what,
                                           String attack) {
        return Finding.builder(check, severity, title)
                .summary("process " + p.pid() + " (" + p.name() + ", user " + p.user() + ") " + what)
                .pid(p.pid()).attack(attack)
                .evidence("pid", p.pid()).evidence("ppid", p.ppid()).evidence("user", p.user()).evidence("name", p.name())
                .evidence("exe", p.exe().isEmpty() ? null : p.exe()).evidence("command", p.command())
                .evidence("started", p.started() == null ? null : p.started().toString())
                .remediation("Preserve it before anything else (cp /proc/" + p.pid() + "/exe recovers even a deleted "
                        + "executable; keep its maps, environ and fd listing), then stop it and find how it was started "
                        + "(its parent " + p.ppid() + ", cron, systemd, the shell history).");
    }
}
