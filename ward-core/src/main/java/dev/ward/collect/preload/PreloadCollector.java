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
 * Preloaded libraries from {@code /etc/ld.so.preload}, {@code LD_PRELOAD} and {@code LD_AUDIT} in
 * {@code /etc/environment}, and the same variables in {@code DefaultEnvironment=} of
 * {@code /etc/systemd/system.conf} (and its {@code system.conf.d}). A bare name (no slash) is
 * looked up the way ld.so does for preload entries: in the default library directories. The
 * library directories of {@code /etc/ld.so.conf} and {@code /etc/ld.so.conf.d/*.conf} are listed
 * by {@link #libraryDirs}.
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
        List<HostPath> confs = new ArrayList<>(List.of(HostPath.of("/etc/systemd/system.conf")));
        files.files(HostPath.of("/etc/systemd/system.conf.d")).stream().filter(p -> p.name().endsWith(".conf"))
                .forEach(confs::add);
        for (HostPath conf : confs) {
            files.text(conf).ifPresent(t -> add(files, conf, PreloadParser.systemConf(t), out));
        }
        return new CollectResult<>(out, errors);
    }

    /**
     * A directory an ld.so.conf file adds to the loader's search path.
     *
     * @param filePackage the package that installed the conf file, or null
     * @param dirPackage  the package that installed the directory, or null
     */
    public record LibraryDir(String path, int line, String dir, boolean exists, String filePackage,
                             String dirPackage) {
    }

    /** The directories of {@code /etc/ld.so.conf} and {@code /etc/ld.so.conf.d/*.conf} (what Debian's include names). */
    public static List<LibraryDir> libraryDirs(HostFiles files) {
        List<HostPath> confs = new ArrayList<>(List.of(HostPath.of("/etc/ld.so.conf")));
        files.files(HostPath.of("/etc/ld.so.conf.d")).stream().filter(p -> p.name().endsWith(".conf"))
                .forEach(confs::add);
        List<LibraryDir> out = new ArrayList<>();
        for (HostPath conf : confs) {
            String text = files.text(conf).orElse(null);
            if (text == null) {
                continue;
            }
            String owner = files.owner(conf);
            for (PreloadParser.Dir d : PreloadParser.ldSoConf(text)) {
                HostPath dir = HostPath.of(d.dir());
                out.add(new LibraryDir(conf.display(), d.line(), d.dir(), files.stat(dir).isPresent(), owner,
                        files.owner(dir)));
            }
        }
        return out;
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
