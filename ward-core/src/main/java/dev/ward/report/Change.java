package dev.ward.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One entry that differs from the baseline. For an added entry {@code old} is empty, for a removed
 * one {@code now} is; {@code attributes} names what differs ({@code sha256}, {@code mtime}, ...).
 * In JSON {@code now} is written as {@code "new"}.
 */
public record Change(String path, List<String> attributes, Map<String, Object> old, Map<String, Object> now) {
    public Change {
        attributes = List.copyOf(attributes);
        // Insertion order, not Map.copyOf: its order changes from run to run, and reports must not.
        old = Collections.unmodifiableMap(new LinkedHashMap<>(old));
        now = Collections.unmodifiableMap(new LinkedHashMap<>(now));
    }
}
