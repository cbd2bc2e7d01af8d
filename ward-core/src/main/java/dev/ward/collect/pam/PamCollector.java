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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of every file in {@code /etc/pam.d} (and {@code /usr/lib/pam.d}, {@code /etc/pam.conf}
 * where libpam reads them), each module located in the root. libpam looks a
 * relative module name up in its build-time directory: {@code /lib/<triplet>/security} on Debian,
 * {@code /lib64/security} on Red Hat; every {@code security} directory under the library
 * directories is tried, so one image can be read whatever its distribution.
 */
public final class PamCollector implements Collector<PamEntry> {
    private static final HostPath ETC = HostPath.of("/etc/pam.d");
    private static final HostPath VENDOR = HostPath.of("/usr/lib/pam.d");
    private static final HostPath CONF = HostPath.of("/etc/pam.conf");
    private static final Pattern MODULE_DIR = Pattern.compile("/(usr/)?lib(64)?/([^/]*-linux-[^/]*/)?security/[^/]+");

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
        Set<String> services = new HashSet<>();
        for (HostPath p : files.files(ETC)) {
            services.add(p.name());
            read(files, p, false, moduleDirs, out);
        }
        // A vendor file (Linux-PAM built with --enable-vendordir) counts unless /etc/pam.d has one
        // of the same name; /etc/pam.conf is read by libpam only where /etc/pam.d is missing.
        for (HostPath p : files.files(VENDOR)) {
            if (!services.contains(p.name())) {
                read(files, p, false, moduleDirs, out);
            }
        }
        if (files.stat(ETC).isEmpty()) {
            read(files, CONF, true, moduleDirs, out);
        }
        return new CollectResult<>(out, errors);
    }

    private void read(HostFiles files, HostPath p, boolean conf, List<HostPath> moduleDirs, List<PamEntry> out) {
        String text = files.text(p).orElse(null);
        if (text == null) {
            return;
        }
        PamParser.Result r = conf ? PamParser.parseConf(text) : PamParser.parse(text);
        r.problems().forEach(m -> files.errors().add(new CollectionError(source(), p.display(), m)));
        String owner = files.owner(p);
        for (PamParser.Rule rule : r.rules()) {
            HostPath module = locate(files, moduleDirs, rule.module());
            out.add(new PamEntry(p.display(), rule.line(), rule.text(), rule.type(), rule.control(),
                    rule.module(), rule.args(), rule.denyBefore(),
                    module == null ? null : module.display(), module == null ? null : files.owner(module),
                    owner));
        }
    }

    /** True for a file directly in one of the directories libpam takes relative module names from. */
    public static boolean inModuleDir(String path) {
        return MODULE_DIR.matcher(path).matches();
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
        // libpam prefixes a relative name with its directory, so "../../../dev/shm/x.so" names a
        // file outside it: ".." is folded lexically, and stays inside the root at the top.
        for (HostPath dir : dirs) {
            HostPath p = module.contains("/") ? HostFiles.linkTarget(dir.resolve("-"), module) : dir.resolve(module);
            if (files.stat(p).isPresent()) {
                return p;
            }
        }
        return null;
    }
}
