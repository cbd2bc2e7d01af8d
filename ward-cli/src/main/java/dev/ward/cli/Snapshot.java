package dev.ward.cli;

import dev.ward.collect.Scan;
import dev.ward.host.HostRoot;
import dev.ward.host.TargetFile;
import dev.ward.model.Finding;
import dev.ward.report.Report;
import dev.ward.run.Triage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A run that also saves what it saw for later runs to compare with ({@code ward procs} and
 * {@code ward net --save-baseline}): the text is made from the run's own records, and the file
 * written whole once the run is done.
 */
final class Snapshot {
    private Snapshot() {
    }

    /** Runs {@code triage}; with a {@code file}, writes {@code text} of the run's scan to it. */
    static Report run(Triage triage, HostRoot root, List<Finding> preamble, Path file, Function<Scan, String> text)
            throws IOException {
        AtomicReference<String> saved = new AtomicReference<>();
        Report report = triage.run(root, preamble, scan -> {
            if (file != null) {
                saved.set(text.apply(scan));
            }
        });
        if (file != null) {
            try (TargetFile target = TargetFile.of(file)) {
                target.replace(out -> out.write(saved.get().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return report;
    }
}
