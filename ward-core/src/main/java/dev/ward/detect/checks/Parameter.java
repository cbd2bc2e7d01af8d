package dev.ward.detect.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A typed knob of a check, such as the account names allowed to have uid 0. A check declares it
 * with a default; a site may override the value when loading (see {@link CheckLoader}). The value
 * here is the effective one: the default or the override.
 *
 * @param value a String, Long, Boolean, or an immutable List of String/Long/Double/Boolean
 */
public record Parameter(String name, Type type, Object value, String description, Position declared) {

    /** The parameter types a check file may declare, spelled in lower case in YAML. */
    public enum Type {
        STRING, INT, LIST, BOOL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Type parse(String text) {
            for (Type t : values()) {
                if (t.label().equals(text)) {
                    return t;
                }
            }
            return null;
        }

        /**
         * The value in this type's canonical form, or null when it does not fit. Strings are read
         * as ints and bools, so overrides given on a command line as text work as well.
         */
        Object coerce(Object value) {
            return switch (this) {
                case STRING -> value instanceof String s ? s : null;
                case INT -> switch (value) {
                    case Long l -> l;
                    case Integer i -> (long) i;
                    case Short s -> (long) s;
                    case String s -> parseLong(s);
                    default -> null;
                };
                case BOOL -> switch (value) {
                    case Boolean b -> b;
                    case String s when s.equals("true") || s.equals("false") -> Boolean.valueOf(s);
                    default -> null;
                };
                case LIST -> value instanceof List<?> list ? scalars(list) : null;
            };
        }

        private static Long parseLong(String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static List<Object> scalars(List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object o : list) {
                switch (o) {
                    case String s -> out.add(s);
                    case Integer i -> out.add((long) i);
                    case Long l -> out.add(l);
                    case Double d -> out.add(d);
                    case Boolean b -> out.add(b);
                    case null, default -> {
                        return null;
                    }
                }
            }
            return List.copyOf(out);
        }
    }

    /** This parameter with another value; fails with the declaration's position if it does not fit. */
    Parameter withValue(Object override) throws CheckFormatException {
        Object v = override == null ? null : type.coerce(override);
        if (v == null) {
            throw declared.error("override for parameter '" + name + "' must be of type " + type.label()
                    + ", not " + (override == null ? "null" : override.getClass().getSimpleName()));
        }
        return new Parameter(name, type, v, description, declared);
    }
}
