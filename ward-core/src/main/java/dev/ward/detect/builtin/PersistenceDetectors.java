package dev.ward.detect.builtin;

import dev.ward.detect.Detector;
import java.util.List;

/** The persistence detectors, to register in one line. */
public final class PersistenceDetectors {
    private PersistenceDetectors() {
    }

    public static List<Detector> all() {
        return List.of(new CronDetector(), new SystemdDetector(), new StartupScriptDetector(), new PreloadDetector(),
                new ModulesDetector(), new PamDetector(), new WebShellDetector(), new DevDetector(),
                new SetIdDetector());
    }
}
