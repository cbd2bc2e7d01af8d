package dev.ward.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ward.collect.Scan;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.detect.builtin.ProcessDetector;
import dev.ward.host.HostRoot;
import dev.ward.report.Report;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TriageTest {
    @TempDir
    Path dir;

    @Test
    void whatWasSkippedIsInTheSummary() throws Exception {
        try (HostRoot image = HostRoot.open(dir)) {
            Report r = new Triage(List.of(new ProcessDetector()), InstantSource.system()).run(image, List.of());
            assertEquals("processes (an image has none: look at the live host)", r.summary().get("skipped"));
        }
    }

    @Test
    void nothingSkippedSaysNothing() throws Exception {
        Detector quiet = new Detector() {
            @Override
            public String name() {
                return "quiet";
            }

            @Override
            public void detect(Scan scan, Results out) {
            }
        };
        try (HostRoot image = HostRoot.open(dir)) {
            Report r = new Triage(List.of(quiet), InstantSource.system()).run(image, List.of());
            assertFalse(r.summary().containsKey("skipped"));
        }
    }
}
