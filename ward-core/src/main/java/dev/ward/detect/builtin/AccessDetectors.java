package dev.ward.detect.builtin;

import dev.ward.detect.Detector;
import java.util.List;

/** The detectors of remote and privileged access: host trust, SSH keys and sudo. */
public final class AccessDetectors {
    private AccessDetectors() {
    }

    public static List<Detector> all() {
        return List.of(new TrustDetector(), new SshKeyDetector(), new SudoDetector());
    }
}
