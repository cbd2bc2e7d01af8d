package dev.ward.detect.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A finding's summary line: text with {@code {field}} placeholders filled from the record, each
 * printed as {@link Values#text} shows it (a path escaped, a list joined with ", "). {@code {{} and
 * {@code }}} write literal braces. A field that is null prints as {@code -}, so a summary never
 * silently loses a word.
 */
public record Template(String source, List<Part> parts) {

    public Template {
        parts = List.copyOf(parts);
    }

    public sealed interface Part {
    }

    public record Text(String text) implements Part {
    }

    public record Field(FieldRef field) implements Part {
    }

    /** Parses the template; {@code at} is the position of the YAML scalar that holds it. */
    static Template parse(String source, Position at) throws CheckFormatException {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < source.length() && source.charAt(i + 1) == c) {
                text.append(c);
                i += 2;
            } else if (c == '{') {
                int close = source.indexOf('}', i);
                if (close < 0) {
                    throw at.error("unclosed '{' in template: " + source);
                }
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(new Field(FieldRef.parse(source.substring(i + 1, close).strip(), at)));
                i = close + 1;
            } else if (c == '}') {
                throw at.error("unmatched '}' in template (write '}}' for a literal brace): " + source);
            } else {
                text.append(c);
                i++;
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return new Template(source, parts);
    }

    public String render(Record record) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            switch (p) {
                case Text t -> out.append(t.text());
                case Field f -> {
                    String v = Values.text(f.field().read(record));
                    out.append(v == null ? "-" : v);
                }
            }
        }
        return out.toString();
    }

    Stream<FieldRef> fields() {
        return parts.stream().flatMap(p -> p instanceof Field f ? Stream.of(f.field()) : Stream.empty());
    }
}
