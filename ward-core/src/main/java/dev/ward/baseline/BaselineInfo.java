package dev.ward.baseline;

import java.time.Instant;
import java.util.Set;

/**
 * What the caller tells a {@link BaselineWriter} about the baseline it writes: the host and root it
 * describes, when it was taken, which rules selected the files and which attributes they record.
 *
 * @param rulesDigest a digest of the rule file, so a check can tell the rules changed since
 */
public record BaselineInfo(String host, String root, Instant created, String rulesDigest, Set<Attribute> attributes) {
    public BaselineInfo {
        attributes = Set.copyOf(attributes);
    }
}
