package dev.ward.diff;

import dev.ward.baseline.Attribute;
import dev.ward.host.HostPath;
import dev.ward.model.FileEntry;
import java.util.List;
import java.util.Set;

/**
 * One path that differs between a baseline and a scan. Each carries the attributes the rules
 * selected for it, so a report can show the recorded values of an added or removed entry.
 */
public sealed interface Difference {
    HostPath path();

    Set<Attribute> attributes();

    /** In the scan, not in the baseline. */
    record Added(FileEntry now, Set<Attribute> attributes) implements Difference {
        public Added {
            attributes = Set.copyOf(attributes);
        }

        @Override
        public HostPath path() {
            return now.path();
        }
    }

    /** In the baseline, gone from the scan. */
    record Removed(FileEntry old, Set<Attribute> attributes) implements Difference {
        public Removed {
            attributes = Set.copyOf(attributes);
        }

        @Override
        public HostPath path() {
            return old.path();
        }
    }

    /** In both, with at least one selected attribute changed; {@code changes} in the table's order. */
    record Modified(FileEntry old, FileEntry now, Set<Attribute> attributes, List<AttributeChange> changes)
            implements Difference {
        public Modified {
            attributes = Set.copyOf(attributes);
            changes = List.copyOf(changes);
        }

        @Override
        public HostPath path() {
            return now.path();
        }
    }

    /**
     * One attribute's two values, as {@link Attribute#valueOf} gives them. A shrunken size under
     * {@code GROWING} is reported as {@link Attribute#SIZE}.
     */
    record AttributeChange(Attribute attribute, Object old, Object now) {
    }
}
