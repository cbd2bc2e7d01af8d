package dev.ward.diff;

import dev.ward.baseline.Attribute;
import dev.ward.diff.Difference.Added;
import dev.ward.diff.Difference.AttributeChange;
import dev.ward.diff.Difference.Modified;
import dev.ward.diff.Difference.Removed;
import dev.ward.model.FileEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compares a baseline with a scan by merge-joining two streams sorted by path bytes, as the store
 * and {@link dev.ward.baseline.TreeScanner} give them: memory stays constant however many files.
 *
 * <p>Only the attributes selected for a path are compared. A change of file type is always
 * reported, as {@code ftype}. Under {@code GROWING} ("S") a size that grew or stayed is not a
 * change, and the content hashes of a file that grew are not compared (a log being appended to);
 * a size that shrank is a change of {@code size}.
 */
public final class Differ {
    private static final List<Attribute> ATTRIBUTES = List.of(Attribute.values());

    private final Function<FileEntry, Set<Attribute>> attributes;

    /** @param attributes the attributes the rules select for an entry's path and type (empty when none) */
    public Differ(Function<FileEntry, Set<Attribute>> attributes) {
        this.attributes = attributes;
    }

    public List<Difference> diff(List<FileEntry> old, List<FileEntry> now) {
        List<Difference> out = new ArrayList<>();
        diff(old.iterator(), now.iterator(), out::add);
        return out;
    }

    /**
     * Hands every difference to {@code out} in path order.
     *
     * @throws IllegalArgumentException when a stream is not strictly sorted by path
     */
    public void diff(Iterator<FileEntry> old, Iterator<FileEntry> now, Consumer<Difference> out) {
        Sorted o = new Sorted(old, "baseline");
        Sorted n = new Sorted(now, "scan");
        while (o.head != null || n.head != null) {
            int cmp = o.head == null ? 1 : n.head == null ? -1 : o.head.path().compareTo(n.head.path());
            if (cmp < 0) {
                out.accept(new Removed(o.head, attributes.apply(o.head)));
                o.next();
            } else if (cmp > 0) {
                out.accept(new Added(n.head, attributes.apply(n.head)));
                n.next();
            } else {
                compare(o.head, n.head).ifPresent(out);
                o.next();
                n.next();
            }
        }
    }

    /** The same path in both: a Modified when anything selected differs. */
    public Optional<Modified> compare(FileEntry old, FileEntry now) {
        Set<Attribute> selected = attributes.apply(now);
        List<AttributeChange> changes = changes(old, now, selected);
        return changes.isEmpty() ? Optional.empty() : Optional.of(new Modified(old, now, selected, changes));
    }

    static List<AttributeChange> changes(FileEntry old, FileEntry now, Set<Attribute> selected) {
        List<AttributeChange> changes = new ArrayList<>();
        if (old.type() != now.type()) {
            changes.add(new AttributeChange(Attribute.FTYPE, old.type(), now.type()));
        }
        boolean growing = selected.contains(Attribute.GROWING);
        boolean grew = growing && now.size() > old.size();
        for (Attribute a : ATTRIBUTES) {
            boolean compare = switch (a) {
                case FTYPE, GROWING -> false;
                case SIZE -> growing ? now.size() < old.size() : selected.contains(a);
                default -> selected.contains(a) && !(grew && a.isHash());
            };
            if (compare) {
                Object before = a.valueOf(old);
                Object after = a.valueOf(now);
                if (!Objects.equals(before, after)) {
                    changes.add(new AttributeChange(a, before, after));
                }
            }
        }
        return changes;
    }

    /** An iterator with its head, that checks the order it is given. */
    private static final class Sorted {
        private final Iterator<FileEntry> it;
        private final String name;
        FileEntry head;

        Sorted(Iterator<FileEntry> it, String name) {
            this.it = it;
            this.name = name;
            next();
        }

        void next() {
            FileEntry prev = head;
            head = it.hasNext() ? it.next() : null;
            if (prev != null && head != null && prev.path().compareTo(head.path()) >= 0) {
                throw new IllegalArgumentException(name + " not sorted by path: " + head.path() + " after " + prev.path());
            }
        }
    }
}
