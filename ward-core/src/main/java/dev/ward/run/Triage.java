package dev.ward.run;

import dev.ward.Ward;
import dev.ward.collect.Scan;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.report.Changes;
import dev.ward.report.Report;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code ward triage}: every check that needs no baseline, run over one root, ranked into a report.
 * Detectors run in parallel and share collected records through the {@link Scan}; a detector that
 * fails outright becomes a collection error, never the end of the run.
 */
public final class Triage {
    private final List<Detector> detectors;
    private final InstantSource clock;
    private final Function<Scan, Map<String, Object>> summary;

    public Triage(List<Detector> detectors, InstantSource clock) {
        this(detectors, clock, scan -> Map.of());
    }

    /** With a command's own summary, computed from what the detectors collected. */
    public Triage(List<Detector> detectors, InstantSource clock, Function<Scan, Map<String, Object>> summary) {
        this.detectors = List.copyOf(detectors);
        this.clock = clock;
        this.summary = summary;
    }

    /**
     * Runs every detector on {@code root}. {@code preamble} holds findings made before the run,
     * such as ward's check of its own process.
     */
    public Report run(HostRoot root, List<Finding> preamble) {
        return run(root, preamble, scan -> { });
    }

    /** {@link #run(HostRoot, List)}, handing the scan to {@code after} once the detectors are done, for what reads their records again. */
    public Report run(HostRoot root, List<Finding> preamble, Consumer<Scan> after) {
        Instant started = clock.instant();
        Scan scan = new Scan(root, clock);
        Results results = new Results();
        preamble.forEach(results::add);
        Map<String, Long> timings = new ConcurrentHashMap<>();
        detectors.parallelStream().forEach(d -> {
            long t0 = System.nanoTime();
            try {
                d.detect(scan, results);
            } catch (RuntimeException e) {
                results.error(d.name(), "", "check failed: " + e);
            }
            timings.put(d.name(), Duration.ofNanos(System.nanoTime() - t0).toMillis());
        });
        after.accept(scan);
        scan.packagesIfRead().ifPresent(p -> p.errors().forEach(results::error));
        Instant finished = clock.instant();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("detectors", detectors.size());
        stats.put("findings", results.findings().size());
        stats.put("errors", results.errors().size());
        scan.packagesIfRead().ifPresent(p -> stats.put("packages", p.packages().size()));
        stats.put("seconds", Duration.between(started, finished).toMillis() / 1000.0);
        Map<String, Object> summary = new LinkedHashMap<>(this.summary.apply(scan));
        if (!results.skipped().isEmpty()) {
            summary.put("skipped", String.join("; ", results.skipped()));
        }
        return new Report("ward", Ward.version(), hostName(root), root.display(), started, finished,
                results.findings(), Changes.NONE, new ArrayList<>(results.errors()), stats, summary);
    }

    /** The inspected host's name: the kernel's for the live host, /etc/hostname for an image. */
    static String hostName(HostRoot root) {
        HostPath source = HostPath.of(root.isLive() ? "/proc/sys/kernel/hostname" : "/etc/hostname");
        try {
            return root.readText(source).map(String::strip).filter(s -> !s.isEmpty()).orElse("unknown");
        } catch (HostException e) {
            return "unknown";
        }
    }
}
