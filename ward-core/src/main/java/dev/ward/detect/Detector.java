package dev.ward.detect;

import dev.ward.collect.Scan;

/**
 * A check that needs Java: state across records (duplicate uids), several sources at once, or the
 * package index. Predicates over one record are YAML checks instead.
 */
public interface Detector {
    /** A short name for statistics and errors, e.g. {@code accounts.duplicate_uid}. */
    String name();

    void detect(Scan scan, Results out);
}
