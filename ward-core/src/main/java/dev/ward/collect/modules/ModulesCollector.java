package dev.ward.collect.modules;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.host.TreeWalk;
import dev.ward.model.CollectionError;
import dev.ward.model.ModuleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Modules loaded at boot by systemd-modules-load or Debian's {@code /etc/modules}, with the file
 * that provides each. The {@code .ko} (possibly {@code .ko.xz} or {@code .ko.zst}) is searched under
 * {@code /lib/modules/*}: every installed kernel, since the running one is unknown on an image;
 * the tree is only walked when some file names a module. The {@code install} and {@code remove}
 * commands of modprobe.d files are listed by {@link #commands}.
 */
public final class ModulesCollector implements Collector<ModuleEntry> {
    static final List<String> DIRS = List.of("/etc/modules-load.d", "/run/modules-load.d",
            "/usr/local/lib/modules-load.d", "/usr/lib/modules-load.d", "/lib/modules-load.d");
    static final List<String> MODPROBE_DIRS = List.of("/etc/modprobe.d", "/run/modprobe.d",
            "/usr/local/lib/modprobe.d", "/usr/lib/modprobe.d", "/lib/modprobe.d");

    /** A modprobe.d command line with the file's package (null when none). */
    public record Command(String path, ModulesParser.Command command, String packageName) {
    }

    @Override
    public String source() {
        return "modules";
    }

    @Override
    public Class<ModuleEntry> type() {
        return ModuleEntry.class;
    }

    @Override
    public CollectResult<ModuleEntry> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, source(), errors);
        List<HostPath> sources = new ArrayList<>(List.of(HostPath.of("/etc/modules")));
        for (String dir : DIRS) {
            files.files(HostPath.of(dir)).stream().filter(p -> p.name().endsWith(".conf")).forEach(sources::add);
        }
        List<ModuleEntry> out = new ArrayList<>();
        Map<String, HostPath> kos = null;
        for (HostPath src : sources) {
            String text = files.text(src).orElse(null);
            if (text == null) {
                continue;
            }
            ModulesParser.Result r = ModulesParser.parse(text);
            r.problems().forEach(m -> errors.add(new CollectionError(source(), src.display(), m)));
            if (kos == null && !r.names().isEmpty()) {
                kos = moduleFiles(scan, errors);
            }
            for (ModulesParser.Name n : r.names()) {
                HostPath ko = kos.get(ModulesParser.canonical(n.module()));
                out.add(new ModuleEntry(src.display(), n.line(), n.module(), files.owner(src),
                        ko == null ? null : ko.display(), ko == null ? null : files.owner(ko)));
            }
        }
        return new CollectResult<>(out, errors);
    }

    /** The install and remove commands of {@code /etc/modprobe.d/*.conf} and the other modprobe.d directories. */
    public static List<Command> commands(HostFiles files) {
        List<Command> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String dir : MODPROBE_DIRS) {
            for (HostPath p : files.files(HostPath.of(dir))) {
                // On merged /usr, /lib/modprobe.d is /usr/lib/modprobe.d: read each file once.
                if (!p.name().endsWith(".conf") || !seen.add(p.display().replaceFirst("^/usr/lib/", "/lib/"))) {
                    continue;
                }
                String owner = files.owner(p);
                files.text(p).ifPresent(t -> ModulesParser.modprobe(t)
                        .forEach(c -> out.add(new Command(p.display(), c, owner))));
            }
        }
        return out;
    }

    /** Canonical module name to its first {@code .ko*} file under /lib/modules (or /usr/lib/modules). */
    public static Map<String, HostPath> moduleFiles(Scan scan, List<CollectionError> errors) {
        Map<String, HostPath> kos = new HashMap<>();
        TreeWalk walk = new TreeWalk(scan.root(), Set.of());
        for (HostPath top : distinctStarts(scan, List.of("/lib/modules", "/usr/lib/modules"), errors)) {
            walk.walk(top, (HostPath p, FileStat st) -> {
                String n = p.name();
                int ko = n.indexOf(".ko");
                if (st.isRegular() && ko > 0 && (n.endsWith(".ko") || n.startsWith(".ko.", ko))) {
                    kos.putIfAbsent(ModulesParser.canonical(n.substring(0, ko)), p);
                }
            }, e -> errors.add(new CollectionError("modules", "", e.getMessage())));
        }
        return kos;
    }

    /**
     * The existing directories among {@code tops}, each tree once: under merged /usr
     * {@code /lib/modules} and {@code /usr/lib/modules} are one directory, so a start whose device
     * and inode were already seen is left out.
     */
    static List<HostPath> distinctStarts(Scan scan, List<String> tops, List<CollectionError> errors) {
        List<HostPath> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String top : tops) {
            HostPath p = HostPath.of(top);
            try {
                Optional<FileStat> st = scan.root().stat(p);
                if (st.isPresent() && seen.add(st.get().device() + ":" + st.get().inode())) {
                    out.add(p);
                }
            } catch (dev.ward.host.HostException e) {
                errors.add(new CollectionError("modules", p.display(), e.getMessage()));
            }
        }
        return out;
    }
}
