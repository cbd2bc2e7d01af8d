package dev.ward.collect.systemd;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.collect.Scan;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.SystemdUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * systemd units of the system scope ({@code /etc/systemd/system.control}, {@code /run/systemd/transient},
 * {@code /etc/systemd/system}, {@code /run/systemd/system}, {@code /usr/local/lib/systemd/system},
 * {@code /usr/lib/systemd/system}, {@code /lib/systemd/system}) and the user scope
 * ({@code /etc/systemd/user}, {@code /usr/local/lib/systemd/user}, {@code /usr/lib/systemd/user},
 * and each passwd home's {@code ~/.config/systemd/user} and {@code ~/.local/share/systemd/user}),
 * with what enables them. See {@link UnitTree}. Generators, which systemd runs as root early at
 * boot to write units, are listed by {@link #generators}.
 */
public final class SystemdCollector implements Collector<SystemdUnit> {
    static final List<String> SYSTEM = List.of("/etc/systemd/system.control", "/run/systemd/system.control",
            "/run/systemd/transient", "/etc/systemd/system", "/run/systemd/system",
            "/usr/local/lib/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system");
    static final List<String> USER = List.of("/etc/systemd/user", "/run/systemd/user", "/usr/local/lib/systemd/user",
            "/usr/lib/systemd/user", "/lib/systemd/user");
    static final List<String> GENERATOR_DIRS = List.of("/etc/systemd/system-generators",
            "/run/systemd/system-generators", "/usr/local/lib/systemd/system-generators",
            "/usr/lib/systemd/system-generators", "/lib/systemd/system-generators",
            "/etc/systemd/user-generators", "/run/systemd/user-generators", "/usr/local/lib/systemd/user-generators",
            "/usr/lib/systemd/user-generators", "/lib/systemd/user-generators");

    /** An executable in a generator directory, and the package that installed it (null when none). */
    public record Generator(HostPath path, String packageName, java.time.Instant mtime) {
    }

    @Override
    public String source() {
        return "systemd";
    }

    @Override
    public Class<SystemdUnit> type() {
        return SystemdUnit.class;
    }

    @Override
    public CollectResult<SystemdUnit> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, source(), errors);
        List<SystemdUnit> out = new ArrayList<>(new UnitTree(files, "system", paths(SYSTEM)).units());
        out.addAll(new UnitTree(files, "user", paths(USER)).units());
        for (HostPath home : AccountsCollector.homes(scan)) {
            out.addAll(new UnitTree(files, "user", List.of(home.resolve(".config/systemd/user"),
                    home.resolve(".local/share/systemd/user"))).units());
        }
        return new CollectResult<>(out, errors);
    }

    /**
     * The executable files of the generator directories. On merged /usr {@code /lib/...} repeats
     * {@code /usr/lib/...}: a file already seen under the same name in its twin is left out.
     */
    public static List<Generator> generators(HostFiles files) {
        List<Generator> out = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String dir : GENERATOR_DIRS) {
            for (HostPath p : files.files(HostPath.of(dir))) {
                boolean executable = files.stat(p).map(st -> (st.permissions() & 0111) != 0).orElse(false);
                if (executable && seen.add(p.display().replaceFirst("^/usr/lib/", "/lib/"))) {
                    out.add(new Generator(p, files.owner(p), files.mtime(p)));
                }
            }
        }
        return out;
    }

    private static List<HostPath> paths(List<String> dirs) {
        return dirs.stream().map(HostPath::of).toList();
    }
}
