package dev.ward.detect;

import dev.ward.collect.CollectResult;
import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where detectors put their findings, errors and what they could not look at; thread-safe,
 * de-duplicates identical errors.
 */
public final class Results {
    private final List<Finding> findings = new ArrayList<>();
    private final Set<CollectionError> errors = new LinkedHashSet<>();
    private final Map<String, Set<String>> skipped = new TreeMap<>();

    public synchronized void add(Finding finding) {
        findings.add(finding);
    }

    public synchronized void error(CollectionError error) {
        errors.add(error);
    }

    public synchronized void error(String source, String path, String message) {
        errors.add(new CollectionError(source, path, message));
    }

    /** Keeps a collector's errors; the records are the caller's. */
    public <R> List<R> take(CollectResult<R> result) {
        result.errors().forEach(this::error);
        return result.records();
    }

    public synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    public synchronized List<CollectionError> errors() {
        return List.copyOf(errors);
    }

    /** Notes that a whole kind of evidence ("processes") was not looked at, and why. */
    public synchronized void skipped(String what, String why) {
        skipped.computeIfAbsent(why, k -> new TreeSet<>()).add(what);
    }

    /** What was not looked at, a line a reason: "processes, sockets (an image has none)". */
    public synchronized List<String> skipped() {
        return skipped.entrySet().stream().map(e -> String.join(", ", e.getValue()) + " (" + e.getKey() + ")").toList();
    }
}
