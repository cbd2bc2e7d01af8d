package dev.ward.collect.pam;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.host.DirEntry;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.PamEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of every file in {@code /etc/pam.d}, each module located in the root. libpam looks a
 * relative module name up in its build-time directory: {@code /lib/<triplet>/security} on Debian,
 * {@code /lib64/security} on Red Hat; every {@code security} directory under the library
 * directories is tried, so one image can be read whatever its distribution.
 */
public final class PamCollector implements Collector<PamEntry> {
    @Override
    public String source() {
        return "pam";
    }

    @Override
    public Class<PamEntry> type() {
        return PamEntry.class;
    }

    @Override
    public CollectResult<PamEntry> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, source(), errors);
        List<HostPath> moduleDirs = moduleDirs(files);
        List<PamEntry> out = new ArrayList<>();
        for (HostPath p : files.files(HostPath.of("/etc/pam.d"))) {
            String text = files.text(p).orElse(null);
            if (text == null) {
                continue;
            }
            PamParser.Result r = PamParser.parse(text);
            r.problems().forEach(m -> errors.add(new CollectionError(source(), p.display(), m)));
            String owner = files.owner(p);
            for (PamParser.Rule rule : r.rules()) {
                HostPath module = locate(files, moduleDirs, rule.module());
                out.add(new PamEntry(p.display(), rule.line(), rule.text(), rule.type(), rule.control(),
                        rule.module(), rule.args(), rule.denyBefore(),
                        module == null ? null : module.display(), module == null ? null : files.owner(module),
                        owner));
            }
        }
        return new CollectResult<>(out, errors);
    }

    private static List<HostPath> moduleDirs(HostFiles files) {
        List<HostPath> dirs = new ArrayList<>();
        for (String lib : List.of("/usr/lib", "/lib", "/usr/lib64", "/lib64")) {
            dirs.add(HostPath.of(lib + "/security"));
            for (DirEntry e : files.entries(HostPath.of(lib))) {
                if (e.name().contains("-linux-")) {
                    dirs.add(e.path().resolve("security"));
                }
            }
        }
        return dirs;
    }

    private static HostPath locate(HostFiles files, List<HostPath> dirs, String module) {
        if (module.startsWith("/")) {
            HostPath p = HostPath.of(module);
            return files.stat(p).isPresent() ? p : null;
        }
        if (module.contains("/")) {
            return null;
        }
        for (HostPath dir : dirs) {
            HostPath p = dir.resolve(module);
            if (files.stat(p).isPresent()) {
                return p;
            }
        }
        return null;
    }
}
