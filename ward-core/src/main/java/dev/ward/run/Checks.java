package dev.ward.run;

import dev.ward.detect.Detector;
import dev.ward.detect.builtin.AccessDetectors;
import dev.ward.detect.builtin.DuplicateUidDetector;
import java.util.ArrayList;
import java.util.List;

/** The registry of checks each command runs; a new detector is one line here. */
public final class Checks {
    private Checks() {
    }

    /** Everything {@code ward triage} runs: no baseline needed, live host or image. */
    public static List<Detector> triage() {
        List<Detector> all = new ArrayList<>();
        all.add(new DuplicateUidDetector());
        all.addAll(AccessDetectors.all());
        return all;
    }
}
