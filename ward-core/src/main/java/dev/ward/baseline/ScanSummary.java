package dev.ward.baseline;

import dev.ward.model.CollectionError;
import java.util.List;

/**
 * How a scan went: what it could not see, in path order, and how much it did.
 *
 * @param files       entries emitted
 * @param bytesHashed content bytes read to compute hashes
 */
public record ScanSummary(List<CollectionError> errors, long files, long bytesHashed) {
    public ScanSummary {
        errors = List.copyOf(errors);
    }
}
