package dev.ward.run;

import dev.ward.Ward;
import dev.ward.collect.Scan;
import dev.ward.collect.SystemTree;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.collect.times.TimeWindow;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.TreeWalk;
import dev.ward.model.CollectionError;
import dev.ward.report.Change;
import dev.ward.report.Changes;
import dev.ward.report.Report;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ward changed}: every file under the given paths whose chosen times fall in a window, as
 * {@code find -mtime/-ctime/-amin} would, oldest first, each with its owner and package. Only
 * metadata is read (statx), and directories are opened with {@code O_NOATIME}, so no atime moves.
 * Walking {@code /} also walks the usual separate mounts ({@code /var}, {@code /home}, {@code /tmp},
 * ...); the live host's {@code /proc}, {@code /sys}, {@code /dev} and {@code /run} are left out.
 * Each file is a changed entry of the report: its attributes are the times that fell in the window,
 * its new values the file's times, owner, mode, size and package.
 */
public final class ChangedRun {
    private final TimeWindow window;
    private final InstantSource clock;

    public ChangedRun(TimeWindow window, InstantSource clock) {
        this.window = window;
        this.clock = clock;
    }

    private record Hit(HostPath path, FileStat st, List<TimeWindow.Kind> kinds, Instant first) {
    }

    public Report run(HostRoot root, List<HostPath> paths) {
        Instant started = clock.instant();
        Scan scan = new Scan(root, clock);
        List<CollectionError> errors = new ArrayList<>();
        List<Hit> hits = new ArrayList<>();
        TreeWalk walk = new TreeWalk(root, SystemTree.prune(root));
        Set<HostPath> seen = new HashSet<>();
        for (HostPath start : starts(root, paths, errors)) {
            walk.walk(start, (p, st) -> {
                List<TimeWindow.Kind> kinds = window.matches(st);
                if (!kinds.isEmpty() && seen.add(p)) {
                    Instant first = kinds.stream().map(k -> k.of(st)).min(Comparator.naturalOrder()).orElseThrow();
                    hits.add(new Hit(p, st, kinds, first));
                }
            }, e -> errors.add(new CollectionError("changed", "", e.getMessage())));
        }
        hits.sort(Comparator.comparing(Hit::first).thenComparing(h -> h.path().display()));
        Map<Long, String> users = AccountsCollector.names(scan);
        List<Change> changed = hits.stream().map(h -> change(h, users, scan)).toList();
        scan.packages().errors().forEach(errors::add);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("files", changed.size());
        Instant finished = clock.instant();
        stats.put("seconds", java.time.Duration.between(started, finished).toMillis() / 1000.0);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("from", window.from().toString());
        summary.put("to", window.to().toString());
        summary.put("times", window.kinds().stream().sorted().map(TimeWindow.Kind::label).toList());
        summary.put("files", changed.size());
        return new Report("ward", Ward.version(), Triage.hostName(root), root.display(), started, finished, List.of(),
                new Changes(List.of(), List.of(), changed), errors, stats, summary);
    }

    /** The paths asked for; "/" is the whole system, with the usual separate mounts. */
    private static List<HostPath> starts(HostRoot root, List<HostPath> paths, List<CollectionError> errors) {
        List<HostPath> out = new ArrayList<>();
        for (HostPath p : paths) {
            if (p.equals(HostPath.ROOT)) {
                out.addAll(SystemTree.starts(root, "changed", errors));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    private static Change change(Hit h, Map<Long, String> users, Scan scan) {
        FileStat st = h.st();
        Map<String, Object> now = new LinkedHashMap<>();
        for (TimeWindow.Kind k : TimeWindow.Kind.values()) {
            Instant t = k.of(st);
            if (t != null) {
                now.put(k.label(), t.toString());
            }
        }
        now.put("type", st.type().name().toLowerCase(java.util.Locale.ROOT));
        now.put("owner", users.getOrDefault(st.uid(), Long.toString(st.uid())));
        now.put("mode", String.format("%04o", st.permissions()));
        now.put("size", st.size());
        now.put("package", scan.packages().owner(h.path()).orElse("no package"));
        return new Change(h.path().display(), h.kinds().stream().map(TimeWindow.Kind::label).toList(), Map.of(), now);
    }
}
