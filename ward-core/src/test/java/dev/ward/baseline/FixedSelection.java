package dev.ward.baseline;

import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A Selection for tests: every path under the starts but the root directory itself, with one fixed set
 * of attributes, and a hook called as each path is selected (to make a file vanish on cue).
 */
public record FixedSelection(List<HostPath> starts, Set<Attribute> attributes, Predicate<HostPath> onSelect)
        implements Selection {

    public static FixedSelection of(Set<Attribute> attributes, String... starts) {
        return new FixedSelection(List.of(starts).stream().map(HostPath::of).toList(), attributes, p -> true);
    }

    /** The same selection, calling {@code hook} on each path selected; false leaves the path out. */
    public FixedSelection withHook(Predicate<HostPath> hook) {
        return new FixedSelection(starts, attributes, hook);
    }

    @Override
    public Optional<Set<Attribute>> select(HostPath path, FileType type) {
        if (path.isRoot() || !onSelect.test(path)) {
            return Optional.empty();
        }
        return Optional.of(attributes);
    }

    @Override
    public boolean descend(HostPath dir) {
        return true;
    }
}
