package dev.ward.report;

import dev.ward.model.Severity;
import java.time.Instant;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A small JSON writer for JSON-shaped values: {@code null}, {@code String}, {@code Boolean},
 * {@code Number}, {@code Map} (keys written with {@code String.valueOf}, in iteration order),
 * {@code Collection} or array, {@link Instant} (ISO-8601, UTC) and {@link Severity} (its lower-case
 * label). Anything else is written as its {@code toString()} string, so a report never fails to
 * print because a detector put an unexpected type into its evidence.
 *
 * <p>Control characters, lone surrogates (which UTF-8 cannot carry) and U+2028 / U+2029 (line ends
 * to JavaScript and some log shippers) are written as JSON unicode escapes, so one value never
 * spans lines. {@link #htmlSafe} also escapes {@code <}, {@code >} and {@code &}, so the text can
 * sit inside a {@code <script>} element.
 */
public final class Json {
    private static final String HEX = "0123456789abcdef";

    private final StringBuilder out = new StringBuilder();
    private final boolean pretty;
    private final boolean htmlSafe;

    private Json(boolean pretty, boolean htmlSafe) {
        this.pretty = pretty;
        this.htmlSafe = htmlSafe;
    }

    /** One line, no spaces: what NDJSON needs. */
    public static String compact(Object value) {
        return new Json(false, false).value(value, 0).out.toString();
    }

    /** Two-space indent, one member per line, as people and diff tools like it. */
    public static String pretty(Object value) {
        return new Json(true, false).value(value, 0).out.toString();
    }

    /** Compact, with {@code <}, {@code >} and {@code &} escaped so it can be embedded in HTML. */
    public static String htmlSafe(Object value) {
        return new Json(false, true).value(value, 0).out.toString();
    }

    /** {@code text} as a JSON string literal, quotes included. */
    public static String quote(String text) {
        Json json = new Json(false, false);
        json.string(text);
        return json.out.toString();
    }

    private Json value(Object value, int depth) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(s);
            case Boolean b -> out.append(b);
            case Double d -> number(d);
            case Float f -> number(f.doubleValue());
            case Number n -> out.append(n);
            case Instant t -> string(t.toString());
            case Severity s -> string(s.label());
            case Map<?, ?> m -> object(m, depth);
            case Collection<?> c -> array(c.iterator(), c.isEmpty(), depth);
            case Object[] a -> array(java.util.Arrays.asList(a).iterator(), a.length == 0, depth);
            default -> string(value.toString());
        }
        return this;
    }

    /** JSON has no NaN or infinity; null says "no value" more honestly than a made-up number. */
    private void number(double d) {
        if (Double.isFinite(d)) {
            out.append(d);
        } else {
            out.append("null");
        }
    }

    private void object(Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            separator(first, depth + 1);
            first = false;
            string(String.valueOf(e.getKey()));
            out.append(pretty ? ": " : ":");
            value(e.getValue(), depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    private void array(Iterator<?> items, boolean empty, int depth) {
        if (empty) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        while (items.hasNext()) {
            separator(first, depth + 1);
            first = false;
            value(items.next(), depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void separator(boolean first, int depth) {
        if (!first) {
            out.append(',');
        }
        newline(depth);
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (needsEscape(s, i, c)) {
                        unicode(c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private boolean needsEscape(String s, int i, char c) {
        if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
            return true;
        }
        if (htmlSafe && (c == '<' || c == '>' || c == '&')) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        // A low surrogate is fine only right after a high one, which the case above let through.
        return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
    }

    private void unicode(char c) {
        out.append("\\u")
                .append(HEX.charAt(c >> 12 & 0xf))
                .append(HEX.charAt(c >> 8 & 0xf))
                .append(HEX.charAt(c >> 4 & 0xf))
                .append(HEX.charAt(c & 0xf));
    }
}
