package dev.ward.detect.checks;

import java.util.List;

/**
 * A field named in a check: a record component, or a dotted walk into nested records and maps.
 *
 * @param at where the check names it, so an unknown field is reported at its line
 */
public record FieldRef(String name, List<String> path, Position at) {

    public FieldRef {
        path = List.copyOf(path);
    }

    static FieldRef parse(String name, Position at) throws CheckFormatException {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z0-9_-]+)*")) {
            throw at.error("bad field name '" + name + "' (expected name or dotted.name)");
        }
        return new FieldRef(name, List.of(name.split("\\.")), at);
    }

    public Object read(Record record) {
        return RecordFields.get(record, path);
    }
}
