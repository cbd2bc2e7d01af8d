package dev.ward.collect.preload;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.PreloadEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * Preloaded libraries from {@code /etc/ld.so.preload} and {@code LD_PRELOAD} in
 * {@code /etc/environment}. A bare name (no slash) is looked up the way ld.so does for preload
 * entries: in the default library directories.
 */
public final class PreloadCollector implements Collector<PreloadEntry> {
    static final List<String> LIB_DIRS = List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64",
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu");

    @Override
    public String source() {
        return "preload";
    }

    @Override
    public Class<PreloadEntry> type() {
        return PreloadEntry.class;
    }

    @Override
    public CollectResult<PreloadEntry> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, source(), errors);
        List<PreloadEntry> out = new ArrayList<>();
        HostPath preload = HostPath.of("/etc/ld.so.preload");
        files.text(preload).ifPresent(t -> add(files, preload, PreloadParser.preloadFile(t), out));
        HostPath env = HostPath.of("/etc/environment");
        files.text(env).ifPresent(t -> add(files, env, PreloadParser.environment(t), out));
        return new CollectResult<>(out, errors);
    }

    private static void add(HostFiles files, HostPath file, List<PreloadParser.Lib> libs, List<PreloadEntry> out) {
        for (PreloadParser.Lib lib : libs) {
            HostPath found = locate(files, lib.library());
            out.add(new PreloadEntry(file.display(), lib.line(), lib.text(),
                    found != null ? found.display() : lib.library(), found != null,
                    found != null ? files.owner(found) : null));
        }
    }

    private static HostPath locate(HostFiles files, String lib) {
        if (lib.contains("/")) {
            HostPath p = HostPath.of(lib.startsWith("/") ? lib : "/" + lib);
            return files.stat(p).isPresent() ? p : null;
        }
        for (String dir : LIB_DIRS) {
            HostPath p = HostPath.of(dir).resolve(lib);
            if (files.stat(p).isPresent()) {
                return p;
            }
        }
        return null;
    }
}
