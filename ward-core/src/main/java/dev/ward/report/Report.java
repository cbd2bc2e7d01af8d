package dev.ward.report;

import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run found, built once and handed to a {@link Reporter}; reporters only format it.
 *
 * @param root     the root that was inspected, "/" for the live host
 * @param findings ranked: most severe first, then by check id and first path
 * @param stats    counters for the run (checks run, files read, seconds), JSON-shaped values, in the
 *                 order given (pass a LinkedHashMap)
 * @param summary  a command's own summary (e.g. logins per user), JSON-shaped; empty when none
 */
public record Report(
        String tool,
        String version,
        String host,
        String root,
        Instant started,
        Instant finished,
        List<Finding> findings,
        Changes changes,
        List<CollectionError> errors,
        Map<String, Object> stats,
        Map<String, Object> summary) {

    /** Most severe first; ties by check id, then by first path, so output is stable. */
    public static final Comparator<Finding> RANKING = Comparator
            .comparing(Finding::severity).reversed()
            .thenComparing(Finding::check)
            .thenComparing(f -> f.paths().isEmpty() ? "" : f.paths().getFirst())
            .thenComparing(Finding::summary);

    /** The same report with only the findings at or above {@code min}. */
    public Report atLeast(dev.ward.model.Severity min) {
        return new Report(tool, version, host, root, started, finished,
                findings.stream().filter(f -> f.severity().atLeast(min)).toList(),
                changes, errors, stats, summary);
    }

    public Report {
        findings = findings.stream().sorted(RANKING).toList();
        changes = changes == null ? Changes.NONE : changes;
        errors = List.copyOf(errors);
        stats = Collections.unmodifiableMap(new LinkedHashMap<>(stats));
        summary = Collections.unmodifiableMap(new LinkedHashMap<>(summary));
    }
}
