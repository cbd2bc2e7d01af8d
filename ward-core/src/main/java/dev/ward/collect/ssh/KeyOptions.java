package dev.ward.collect.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options field of an authorized_keys line: comma-separated, no blanks outside double quotes,
 * and a quoted value may hold commas, blanks and {@code \"}.
 */
public final class KeyOptions {
    private KeyOptions() {
    }

    /** Where the options end: the first blank outside quotes. */
    static int end(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && quoted && i + 1 < line.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ' ' || c == '\t')) {
                return i;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote in options");
        }
        return line.length();
    }

    static List<String> split(String field) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && quoted && i + 1 < field.length()) {
                cur.append(c).append(field.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out.stream().filter(s -> !s.isEmpty()).toList();
    }

    /** An option's value with its quotes removed and {@code \"} unescaped; empty when absent. */
    static String value(List<String> options, String name) {
        for (String o : options) {
            int eq = o.indexOf('=');
            if (eq > 0 && o.substring(0, eq).toLowerCase(Locale.ROOT).equals(name)) {
                String v = o.substring(eq + 1);
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v.replace("\\\"", "\"");
            }
        }
        return "";
    }

    /** The option's name: what precedes '=', lower case. */
    public static String name(String option) {
        int eq = option.indexOf('=');
        return (eq < 0 ? option : option.substring(0, eq)).toLowerCase(Locale.ROOT);
    }
}
