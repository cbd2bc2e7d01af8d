package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.modules.LoadedModules;
import dev.ward.collect.modules.ModulesCollector;
import dev.ward.collect.modules.ModulesParser;
import dev.ward.collect.procs.ProcessCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.BpfPrograms;
import dev.ward.host.DirEntry;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The running kernel's modules and BPF programs (live host only; a kernel without module support
 * has no /proc/modules, and the module checks do not apply):
 * <ul>
 * <li>{@code linux.kernel.hidden_module} (critical, T1014): a loadable module in /sys/module that
 * /proc/modules (what lsmod reads) does not list, or the reverse: rootkits such as Diamorphine and
 * Reptile take themselves off one list.</li>
 * <li>{@code linux.kernel.unowned_module} (high, T1547.006): a loaded module whose {@code .ko} no
 * package installed, or that has no {@code .ko} under /lib/modules at all; medium for DKMS's
 * builds ({@code updates/dkms}), which no package owns either.</li>
 * <li>{@code linux.kernel.tainted} (medium when a module was force-loaded, force-unloaded, built out
 * of tree or unsigned; low for other taints): the taint flags of /proc/sys/kernel/tainted
 * decoded, with the modules /proc/modules marks.</li>
 * <li>{@code linux.kernel.bpf_program} (medium, T1014): a loaded BPF program of a kind that can
 * watch or change what the kernel does with processes, files or packets (kprobes, tracepoints,
 * XDP, traffic control, socket filters, LSM hooks): what a rootkit without a module uses. One
 * finding a name and type; info for the other kinds (systemd's cgroup device and firewall
 * programs). Listing them takes root.</li>
 * </ul>
 */
public final class KernelDetector implements Detector {
    private static final Set<String> MODULE_TAINTS = Set.of("F", "R", "O", "E");

    private final boolean anyRoot;

    public KernelDetector() {
        this(false);
    }

    /** {@code anyRoot}: read a root's /proc and /sys files even when it is not the live host (tests). */
    KernelDetector(boolean anyRoot) {
        this.anyRoot = anyRoot;
    }

    @Override
    public String name() {
        return "kernel";
    }

    @Override
    public void detect(Scan scan, Results out) {
        HostRoot root = scan.root();
        if (!root.isLive() && !anyRoot) {
            out.skipped("loaded kernel modules", Evidence.LIVE_ONLY);
            return;
        }
        try {
            String text = root.readText(HostPath.of("/proc/modules")).orElse(null);
            if (text != null) { // else no loadable modules in this kernel
                List<LoadedModules.Module> loaded = LoadedModules.parse(text);
                hidden(root, loaded, out);
                unowned(scan, loaded, out);
                tainted(root, loaded, out);
            }
        } catch (HostException e) {
            out.error(name(), "/proc/modules", e.getMessage());
        }
        if (root.isLive()) {
            bpf(root, out);
        }
    }

    /** BPF program types that can watch or change what the kernel does with processes, files or packets. */
    static final Set<String> WATCHING = Set.of("socket_filter", "kprobe", "sched_cls", "sched_act", "tracepoint", "xdp",
            "perf_event", "sk_skb", "sk_msg", "raw_tracepoint", "raw_tracepoint_writable", "flow_dissector", "tracing",
            "struct_ops", "ext", "lsm", "sk_lookup", "netfilter");

    private void bpf(HostRoot root, Results out) {
        List<BpfPrograms.Program> programs;
        try {
            programs = BpfPrograms.list();
        } catch (HostException e) {
            if (e.errno() == 1 /* EPERM */) {
                out.skipped("BPF programs", "only root may list them");
            } else {
                out.error(name(), "bpf", e.getMessage());
            }
            return;
        }
        bpfFindings(programs, ProcessCollector.bootTime(root)).forEach(out::add);
    }

    /** One finding a program name and type, loaded since {@code boot}. */
    static List<Finding> bpfFindings(List<BpfPrograms.Program> programs, Instant boot) {
        Map<String, List<BpfPrograms.Program>> byKind = programs.stream().collect(Collectors.groupingBy(
                p -> p.type() + " " + p.name(), TreeMap::new, Collectors.toList()));
        List<Finding> out = new ArrayList<>();
        byKind.forEach((kind, same) -> {
            BpfPrograms.Program first = same.getFirst();
            boolean watching = WATCHING.contains(first.type());
            List<Integer> ids = same.stream().map(BpfPrograms.Program::id).toList();
            List<Long> uids = same.stream().map(BpfPrograms.Program::uid).distinct().toList();
            String loaded = boot == null ? "" : ", loaded " + boot.plus(first.loadedAfterBoot()).truncatedTo(ChronoUnit.SECONDS);
            out.add(Finding.builder("linux.kernel.bpf_program", watching ? Severity.MEDIUM : Severity.INFO,
                            watching ? "BPF program that can watch or change what the kernel does" : "BPF program loaded")
                    .summary("BPF " + first.type() + " program " + (first.name().isEmpty() ? "(no name)" : first.name())
                            + " (id " + (ids.size() == 1 ? ids.getFirst() : ids.size() + " programs: " + ids) + ", tag "
                            + first.tag() + loaded + ", by uid " + (uids.size() == 1 ? uids.getFirst() : uids) + ")")
                    .evidence("type", first.type()).evidence("name", first.name()).evidence("ids", ids)
                    .evidence("tag", first.tag()).evidence("uids", uids).attack("T1014")
                    .remediation("Know what loaded it: bpftool prog show id N names the processes holding it, and "
                            + "monitoring agents (Falco, Cilium, systemd's own) load programs like it. One nothing "
                            + "accounts for can hide processes, files and traffic: dump it (bpftool prog dump xlated "
                            + "id N) before anything else.")
                    .build());
        });
        return out;
    }

    private static void hidden(HostRoot root, List<LoadedModules.Module> loaded, Results out) throws HostException {
        Set<String> listed = loaded.stream().map(m -> ModulesParser.canonical(m.name())).collect(Collectors.toSet());
        Set<String> sys = new TreeSet<>();
        Set<String> sysLoadable = new TreeSet<>();
        for (DirEntry e : root.list(HostPath.of("/sys/module"))) {
            String name = ModulesParser.canonical(e.name());
            sys.add(name);
            if (root.lstatOrEmpty(e.path().resolve("initstate")).isPresent()) {
                sysLoadable.add(name); // built-in modules have no initstate
            }
        }
        for (String m : sysLoadable) {
            if (!listed.contains(m)) {
                out.add(hiddenModule(m, "in /sys/module but not in /proc/modules, which lsmod reads"));
            }
        }
        for (String m : new TreeSet<>(listed)) {
            if (!sys.contains(m)) {
                out.add(hiddenModule(m, "in /proc/modules but not in /sys/module"));
            }
        }
    }

    private static Finding hiddenModule(String module, String where) {
        return Finding.builder("linux.kernel.hidden_module", Severity.CRITICAL, "Kernel module hidden from a listing")
                .summary("module " + module + " is " + where)
                .evidence("module", module).path("/sys/module/" + module).attack("T1014", "T1547.006")
                .remediation("A kernel rootkit hides itself this way: nothing on the running system can be trusted. "
                        + "Image the memory if you can, then examine the disk from trusted media.")
                .build();
    }

    private void unowned(Scan scan, List<LoadedModules.Module> loaded, Results out) {
        if (!scan.packages().isPresent()) {
            return;
        }
        List<CollectionError> errors = new ArrayList<>();
        Map<String, HostPath> files = ModulesCollector.moduleFiles(scan, errors);
        errors.forEach(out::error);
        for (LoadedModules.Module m : loaded) {
            HostPath ko = files.get(ModulesParser.canonical(m.name()));
            if (ko != null && !Evidence.unowned(scan, ko)) {
                continue;
            }
            boolean dkms = ko != null && ko.display().contains("/updates/dkms/");
            out.add(Finding.builder("linux.kernel.unowned_module", dkms ? Severity.MEDIUM : Severity.HIGH,
                            "Loaded kernel module no package installed")
                    .summary("module " + m.name() + " is loaded" + (ko == null ? " and has no .ko under /lib/modules: it was "
                            + "loaded from elsewhere" : " from " + ko.display() + ", which no package installed"
                            + (dkms ? " (built by DKMS)" : "")))
                    .evidence("module", m.name()).evidence("file", ko == null ? null : ko.display())
                    .evidence("taints", m.taints().isEmpty() ? null : m.taints())
                    .path(ko == null ? "/sys/module/" + m.name() : ko.display()).attack("T1547.006")
                    .remediation("Find where it came from (modinfo, its file's times, the logs around them) before "
                            + "unloading it; a rootkit's module is evidence.")
                    .build());
        }
    }

    private static void tainted(HostRoot root, List<LoadedModules.Module> loaded, Results out) throws HostException {
        long tainted;
        try {
            tainted = Long.parseLong(root.readText(HostPath.of("/proc/sys/kernel/tainted")).orElse("0").strip());
        } catch (NumberFormatException e) {
            return;
        }
        List<String[]> taints = LoadedModules.taints(tainted);
        if (taints.isEmpty()) {
            return;
        }
        boolean modules = taints.stream().anyMatch(t -> MODULE_TAINTS.contains(t[0]));
        List<String> marked = loaded.stream().filter(m -> !m.taints().isEmpty())
                .map(m -> m.name() + " (" + m.taints() + ")").toList();
        out.add(Finding.builder("linux.kernel.tainted", modules ? Severity.MEDIUM : Severity.LOW, "Kernel is tainted")
                .summary("the kernel is tainted (" + tainted + "): " + taints.stream().map(t -> t[0] + ": " + t[1])
                        .collect(Collectors.joining("; ")) + (marked.isEmpty() ? "" : "; modules marked: "
                        + String.join(", ", marked)))
                .evidence("tainted", tainted).evidence("flags", taints.stream().map(t -> t[0]).collect(Collectors.joining()))
                .evidence("modules", marked.isEmpty() ? null : marked).path("/proc/sys/kernel/tainted").attack("T1547.006")
                .remediation("Account for each out-of-tree or unsigned module (drivers from a vendor, DKMS builds); "
                        + "one nobody can account for is a rootkit's.")
                .build());
    }
}
