package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A freshly bootstrapped Debian must give nothing of medium or above (DESIGN: quiet on a clean host). */
@Tag("debian-root")
class AccessDetectorsDebianRootTest {
    private static final Path ROOT = Path.of("/tmp/ward-scenarios/debian-root");

    @Test
    void cleanDebianIsQuiet() {
        assumeTrue(Files.exists(ROOT.resolve(".debian-root-ok")), "no Debian root at " + ROOT);
        assertEquals(3, AccessDetectors.all().size());
        for (Detector d : AccessDetectors.all()) {
            Results r = TestRoot.run(ROOT, d);
            List<String> loud = r.findings().stream().filter(f -> f.severity().atLeast(Severity.MEDIUM))
                    .map(f -> f.check() + " " + f.paths()).toList();
            assertEquals(List.of(), loud, d.name());
            assertEquals(List.of(), r.errors(), d.name());
        }
    }
}
