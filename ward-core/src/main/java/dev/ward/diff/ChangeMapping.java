package dev.ward.diff;

import dev.ward.baseline.Attribute;
import dev.ward.diff.Difference.Added;
import dev.ward.diff.Difference.AttributeChange;
import dev.ward.diff.Difference.Modified;
import dev.ward.diff.Difference.Removed;
import dev.ward.host.FileType;
import dev.ward.model.FileEntry;
import dev.ward.report.Change;
import dev.ward.report.Changes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Differences as the report shows them: the path escaped as {@link dev.ward.host.HostPath#display}
 * prints it, attribute keywords, and values shaped for JSON: numbers, ISO-8601 times, lower-case
 * hex hashes, the permission bits in octal ({@code "0755"}), the file type in lower case
 * ({@code "symlink"}). An added entry has its recorded values under {@code now}, a removed one under
 * {@code old}; a modified one has just the attributes that differ, in the attribute table's order.
 */
public final class ChangeMapping {
    private ChangeMapping() {
    }

    public static Changes changes(Iterable<? extends Difference> differences) {
        List<Change> added = new ArrayList<>();
        List<Change> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        for (Difference d : differences) {
            switch (d) {
                case Added a -> added.add(change(a));
                case Removed r -> removed.add(change(r));
                case Modified m -> changed.add(change(m));
            }
        }
        return new Changes(added, removed, changed);
    }

    public static Change change(Difference difference) {
        String path = difference.path().display();
        return switch (difference) {
            case Added a -> new Change(path, List.of(), Map.of(), recorded(a.now(), a.attributes()));
            case Removed r -> new Change(path, List.of(), recorded(r.old(), r.attributes()), Map.of());
            case Modified m -> modified(path, m.changes());
        };
    }

    private static Change modified(String path, List<AttributeChange> changes) {
        List<String> keywords = new ArrayList<>();
        Map<String, Object> old = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        for (AttributeChange c : changes) {
            keywords.add(c.attribute().keyword());
            old.put(c.attribute().keyword(), json(c.attribute(), c.old()));
            now.put(c.attribute().keyword(), json(c.attribute(), c.now()));
        }
        return new Change(path, keywords, old, now);
    }

    /** The file type and every selected attribute's value, in the table's order. */
    private static Map<String, Object> recorded(FileEntry e, Set<Attribute> selected) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Attribute.FTYPE.keyword(), json(Attribute.FTYPE, e.type()));
        for (Attribute a : Attribute.values()) {
            if (selected.contains(a) && a != Attribute.FTYPE) {
                Attribute shown = a == Attribute.GROWING ? Attribute.SIZE : a;
                values.put(shown.keyword(), json(shown, a.valueOf(e)));
            }
        }
        return values;
    }

    /** A value as JSON shows it: numbers stay numbers, the rest become strings or maps of strings. */
    static Object json(Attribute attribute, Object value) {
        return switch (value) {
            case null -> null;
            case Integer perm when attribute == Attribute.PERM -> String.format("%04o", perm);
            case Instant t -> t.toString();
            case FileType t -> t.name().toLowerCase(Locale.ROOT);
            default -> value;
        };
    }
}
