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
 * systemd units of the system scope ({@code /etc/systemd/system}, {@code /run/systemd/system},
 * {@code /usr/local/lib/systemd/system}, {@code /usr/lib/systemd/system}, {@code /lib/systemd/system})
 * and the user scope ({@code /etc/systemd/user}, {@code /usr/lib/systemd/user}, and each passwd
 * home's {@code ~/.config/systemd/user}), with what enables them. See {@link UnitTree}.
 */
public final class SystemdCollector implements Collector<SystemdUnit> {
    static final List<String> SYSTEM = List.of("/etc/systemd/system", "/run/systemd/system",
            "/usr/local/lib/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system");
    static final List<String> USER = List.of("/etc/systemd/user", "/usr/lib/systemd/user", "/lib/systemd/user");

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
            out.addAll(new UnitTree(files, "user", List.of(home.resolve(".config/systemd/user"))).units());
        }
        return new CollectResult<>(out, errors);
    }

    private static List<HostPath> paths(List<String> dirs) {
        return dirs.stream().map(HostPath::of).toList();
    }
}
