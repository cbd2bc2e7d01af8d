package dev.ward.detect.checks;

import dev.ward.host.HostPath;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How record values look to checks. One place decides it, so matching, summaries and evidence agree:
 * a {@link HostPath} is its escaped {@code display()} form, an enum its lower-case name, an
 * {@link Instant} its ISO-8601 text (and epoch seconds when compared as a number), numbers stay
 * numbers, byte arrays are escaped like paths.
 */
final class Values {
    private Values() {
    }

    /** The value as text, for string operators, globs and summaries; null stays null. */
    static String text(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case HostPath p -> p.display();
            case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
            case Instant i -> i.toString();
            case byte[] b -> HostPath.escape(b);
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Float f -> BigDecimal.valueOf(f).stripTrailingZeros().toPlainString();
            case Optional<?> o -> text(o.orElse(null));
            case List<?> l -> String.join(", ", l.stream().map(Values::text).toList());
            default -> v.toString();
        };
    }

    /** The value as a number for {@code gt}/{@code lt} and friends, or null when it is not one. */
    static BigDecimal number(Object v) {
        return switch (v) {
            case BigDecimal d -> d;
            case BigInteger i -> new BigDecimal(i);
            case Double d -> d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
            case Float f -> f.isNaN() || f.isInfinite() ? null : BigDecimal.valueOf(f);
            case Number n -> BigDecimal.valueOf(n.longValue());
            case Instant i -> BigDecimal.valueOf(i.getEpochSecond());
            case Optional<?> o -> number(o.orElse(null));
            case null, default -> null;
        };
    }

    /**
     * Equality between a record value and a value written in a check. Numbers compare by value
     * (0 equals 0.0) and booleans as booleans; anything else compares as text, so {@code "0"}
     * written in a check still equals the number 0 and {@code critical} equals an enum constant.
     */
    static boolean same(Object actual, Object expected) {
        if (actual == null || expected == null) {
            return false;
        }
        BigDecimal a = actual instanceof Instant ? null : number(actual);
        BigDecimal e = number(expected);
        if (a != null && e != null) {
            return a.compareTo(e) == 0;
        }
        return text(actual).equals(text(expected));
    }

    /**
     * The value in the JSON shape a {@link dev.ward.model.Finding}'s evidence holds: String,
     * Number, Boolean, List or Map of those; nested records become maps of their components.
     */
    static Object json(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Number n -> n;
            case Optional<?> o -> json(o.orElse(null));
            case List<?> l -> jsonList(l);
            case Map<?, ?> m -> jsonMap(m);
            case Record r -> jsonMap(RecordFields.asMap(r));
            default -> text(v);
        };
    }

    private static List<Object> jsonList(List<?> list) {
        List<Object> out = new ArrayList<>(list.size());
        for (Object o : list) {
            out.add(json(o));
        }
        return out;
    }

    private static Map<String, Object> jsonMap(Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, val) -> out.put(text(k), json(val)));
        return out;
    }

    /** True when the value is present: non-null, and for text, lists and maps non-empty. */
    static boolean present(Object v) {
        return switch (v) {
            case null -> false;
            case String s -> !s.isEmpty();
            case List<?> l -> !l.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case Optional<?> o -> o.isPresent() && present(o.get());
            default -> true;
        };
    }
}
