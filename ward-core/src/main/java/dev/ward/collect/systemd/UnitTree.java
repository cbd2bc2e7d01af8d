package dev.ward.collect.systemd;

import dev.ward.collect.HostFiles;
import dev.ward.host.DirEntry;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.model.SystemdUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units of one search path, in systemd's priority order: the first directory holding a name
 * wins (on merged /usr, {@code /lib/systemd/system} repeats {@code /usr/lib/...} and adds nothing).
 * A unit that is a symlink is an alias: the file it points to (inside the root) is read; one to
 * {@code /dev/null} is masked and left out. Enablement is a symlink in a {@code X.wants} or
 * {@code X.requires} directory, a template instance ({@code getty@tty1.service}) enabling its
 * template. An enabled unit, or any target (targets are what boot pulls in), enables what it
 * starts: its {@code Wants=}, {@code Requires=}, {@code OnFailure=} and the like, a timer's or
 * path unit's {@code Unit=} and a socket's {@code Service=} (by default the unit of the same name
 * with {@code .service}). Drop-ins ({@code NAME.d/*.conf}) are units of their own, enabled as
 * their unit is, since an override can replace ExecStart; their dependencies count as their unit's.
 */
final class UnitTree {
    private static final List<String> SUFFIXES = List.of(".service", ".timer", ".socket", ".path", ".target");

    /** {@code from} (a unit file or drop-in of {@code unit}'s referrer) starts {@code unit}. */
    private record Start(String from, String unit) {
    }

    private final HostFiles files;
    private final String scope;
    private final List<HostPath> dirs;
    private final Map<String, HostPath> byName = new LinkedHashMap<>();
    private final Map<String, List<String>> enabledBy = new LinkedHashMap<>();
    private final java.util.Set<String> masked = new java.util.HashSet<>();
    private final Map<String, List<Start>> starts = new LinkedHashMap<>();

    UnitTree(HostFiles files, String scope, List<HostPath> dirs) {
        this.files = files;
        this.scope = scope;
        this.dirs = dirs;
    }

    List<SystemdUnit> units() {
        List<HostPath> dropIns = new ArrayList<>();
        for (HostPath dir : dirs) {
            for (DirEntry e : files.entries(dir)) {
                String n = e.name();
                if (n.endsWith(".wants") || n.endsWith(".requires")) {
                    links(e.path());
                } else if (n.endsWith(".d")) {
                    dropIns.addAll(files.files(e.path()).stream().filter(p -> p.name().endsWith(".conf")).toList());
                } else if (isUnit(n) && !byName.containsKey(n) && !masked.contains(n)) {
                    target(e.path()).ifPresentOrElse(t -> byName.put(n, t), () -> masked.add(n));
                }
            }
        }
        List<SystemdUnit> out = new ArrayList<>();
        byName.forEach((name, path) -> read(name, path).ifPresent(out::add));
        List<SystemdUnit> confs = new ArrayList<>();
        for (HostPath conf : dropIns) {
            String unit = conf.parent().name().replaceAll("\\.d$", "");
            read(unit, conf).ifPresent(confs::add);
        }
        propagate();
        List<SystemdUnit> result = new ArrayList<>();
        for (SystemdUnit u : out) {
            result.add(withEnabled(u, u.name()));
        }
        for (SystemdUnit u : confs) {
            result.add(withEnabled(u, u.name()));
        }
        return result;
    }

    /** Spreads enablement along what enabled units and targets start, until nothing changes. */
    private void propagate() {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var e : starts.entrySet()) {
                if (!e.getKey().endsWith(".target") && !enabledBy.containsKey(e.getKey())) {
                    continue;
                }
                for (Start st : e.getValue()) {
                    for (String name : List.of(st.unit(), template(st.unit()))) {
                        List<String> by = enabledBy.computeIfAbsent(name, k -> new ArrayList<>());
                        if (!by.contains(st.from())) {
                            by.add(st.from());
                            changed = true;
                        }
                    }
                }
            }
        }
    }

    private static boolean isUnit(String name) {
        return SUFFIXES.stream().anyMatch(name::endsWith);
    }

    /** Records each link of a wants/requires directory; a link to a unit not seen yet adds it. */
    private void links(HostPath wantsDir) {
        for (DirEntry e : files.entries(wantsDir)) {
            String name = e.name();
            enabledBy.computeIfAbsent(template(name), k -> new ArrayList<>()).add(e.path().display());
            if (!name.equals(template(name))) {
                enabledBy.computeIfAbsent(name, k -> new ArrayList<>()).add(e.path().display());
            }
            Optional<HostPath> t = target(e.path());
            if (t.isPresent() && isUnit(name) && !byName.containsKey(template(name)) && !masked.contains(template(name))
                    && !inDirs(t.get())) {
                byName.put(template(name), t.get());
            }
        }
    }

    private boolean inDirs(HostPath p) {
        return dirs.stream().anyMatch(d -> p.parent().equals(d));
    }

    /** {@code getty@tty1.service} is an instance of {@code getty@.service}. */
    static String template(String name) {
        int at = name.indexOf('@');
        int dot = name.lastIndexOf('.');
        return at < 0 || dot < at ? name : name.substring(0, at + 1) + name.substring(dot);
    }

    /** The file a unit name stands for: itself, or the target of its symlink; empty when masked or dangling. */
    private Optional<HostPath> target(HostPath p) {
        try {
            Optional<byte[]> link = files.scan().root().readlink(p);
            if (link.isEmpty()) {
                return Optional.of(p);
            }
            String t = HostPath.escape(link.get());
            HostPath resolved = HostFiles.linkTarget(p, t);
            if (resolved.equals(HostPath.of("/dev/null"))) {
                return Optional.empty();
            }
            return files.stat(resolved).filter(FileStat::isRegular).map(s -> resolved);
        } catch (HostException e) {
            files.errors().add(new dev.ward.model.CollectionError("systemd", p.display(), e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<SystemdUnit> read(String name, HostPath path) {
        return files.text(path).map(text -> {
            UnitParser.Parsed parsed = UnitParser.parse(text);
            List<Start> mine = starts.computeIfAbsent(name, k -> new ArrayList<>());
            parsed.deps().forEach(d -> mine.add(new Start(path.display(), d)));
            parsed.triggers().forEach(d -> mine.add(new Start(path.display(), d)));
            implicit(name, parsed).ifPresent(d -> mine.add(new Start(path.display(), d)));
            return new SystemdUnit(path.display(), name, scope, List.of(), parsed.execs(), parsed.timers(),
                    files.owner(path), files.mtime(path));
        });
    }

    /** The unit a timer starts, and the default unit of a path or socket unit that names none. */
    private static Optional<String> implicit(String name, UnitParser.Parsed parsed) {
        if (name.endsWith(".timer")) {
            return Optional.of(UnitParser.timerTarget(name, parsed.timers()));
        }
        if ((name.endsWith(".path") || name.endsWith(".socket")) && parsed.triggers().isEmpty()) {
            return Optional.of(name.substring(0, name.lastIndexOf('.')) + ".service");
        }
        return Optional.empty();
    }

    private SystemdUnit withEnabled(SystemdUnit u, String name) {
        List<String> by = enabledBy.getOrDefault(name, List.of());
        return new SystemdUnit(u.path(), u.name(), u.scope(), by, u.execs(), u.timers(), u.packageName(), u.mtime());
    }
}
