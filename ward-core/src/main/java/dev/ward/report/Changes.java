package dev.ward.report;

import java.util.List;

/** What a comparison against a baseline found: entries added, removed and changed. */
public record Changes(List<Change> added, List<Change> removed, List<Change> changed) {
    public static final Changes NONE = new Changes(List.of(), List.of(), List.of());

    public Changes {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }
}
