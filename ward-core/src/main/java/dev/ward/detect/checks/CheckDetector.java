package dev.ward.detect.checks;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import java.util.List;

/**
 * Runs the YAML checks of one source over that source's records: the bridge between checks as
 * data and the collectors. Records come from the scan, so a source read for a Java detector is not
 * read again here.
 */
public final class CheckDetector<R extends Record> implements Detector {
    private final Collector<R> collector;
    private final List<Check> checks;

    private CheckDetector(Collector<R> collector, List<Check> checks) {
        this.collector = collector;
        this.checks = checks;
    }

    /**
     * The detector for one source, with its checks validated against the record type, so a check
     * that names a field the record lacks fails here and not halfway through a run.
     */
    public static <R extends Record> CheckDetector<R> of(CheckCatalog catalog, Collector<R> collector)
            throws CheckFormatException {
        catalog.validate(collector.source(), collector.type());
        return new CheckDetector<>(collector, catalog.forSource(collector.source()));
    }

    private static boolean holds(List<String> facts, Scan scan) {
        return facts.stream().allMatch(f -> switch (f) {
            case "dpkg" -> scan.packages().isPresent();
            default -> false;
        });
    }

    @Override
    public String name() {
        return "checks:" + collector.source();
    }

    @Override
    public void detect(Scan scan, Results out) {
        List<Check> runnable = checks.stream().filter(c -> holds(c.requires(), scan)).toList();
        if (runnable.isEmpty()) {
            return;
        }
        CollectResult<R> collected = scan.records(collector);
        List<R> records = out.take(collected);
        CheckRunner.Outcome outcome = CheckRunner.run(runnable, records);
        outcome.findings().forEach(out::add);
        outcome.errors().forEach(out::error);
    }
}
