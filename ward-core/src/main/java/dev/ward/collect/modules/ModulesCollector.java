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
import java.util.Set;

/**
 * Modules loaded at boot by systemd-modules-load or Debian's {@code /etc/modules}, with the file
 * that provides each. The {@code .ko} (possibly {@code .ko.xz} or {@code .ko.zst}) is searched under
 * {@code /lib/modules/*}: every installed kernel, since the running one is unknown on an image;
 * the tree is only walked when some file names a module.
 */
public final class ModulesCollector implements Collector<ModuleEntry> {
    static final List<String> DIRS = List.of("/etc/modules-load.d", "/run/modules-load.d",
            "/usr/lib/modules-load.d", "/lib/modules-load.d");

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

    /** Canonical module name to its first {@code .ko*} file under /lib/modules (or /usr/lib/modules). */
    private static Map<String, HostPath> moduleFiles(Scan scan, List<CollectionError> errors) {
        Map<String, HostPath> kos = new HashMap<>();
        TreeWalk walk = new TreeWalk(scan.root(), Set.of());
        for (String top : List.of("/lib/modules", "/usr/lib/modules")) {
            walk.walk(HostPath.of(top), (HostPath p, FileStat st) -> {
                String n = p.name();
                int ko = n.indexOf(".ko");
                if (st.isRegular() && ko > 0 && (n.endsWith(".ko") || n.startsWith(".ko.", ko))) {
                    kos.putIfAbsent(ModulesParser.canonical(n.substring(0, ko)), p);
                }
            }, e -> errors.add(new CollectionError("modules", "", e.getMessage())));
        }
        return kos;
    }
}
