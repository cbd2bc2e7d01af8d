package dev.ward.collect.logs;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pure: one line of {@code journalctl -o json}, a flat JSON object of string fields, to the syslog
 * line it stands for. Fields whose value is not a string (binary data comes as an array of bytes)
 * are skipped.
 */
final class JournalEntry {
    /** The fields read, for journalctl's --output-fields (which prints __REALTIME_TIMESTAMP always). */
    static final String FIELDS = "MESSAGE,_PID,SYSLOG_IDENTIFIER,_COMM,_HOSTNAME";

    private JournalEntry() {
    }

    static Optional<SyslogLine> parse(String json) {
        Map<String, String> f;
        try {
            f = fields(json);
        } catch (NumberFormatException e) {
            return Optional.empty(); // a broken \\u escape
        }
        String usec = f.get("__REALTIME_TIMESTAMP");
        String message = f.get("MESSAGE");
        if (usec == null || message == null) {
            return Optional.empty();
        }
        long micros;
        long pid;
        try {
            micros = Long.parseLong(usec);
            pid = f.containsKey("_PID") ? Long.parseLong(f.get("_PID")) : -1;
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String program = f.getOrDefault("SYSLOG_IDENTIFIER", f.getOrDefault("_COMM", ""));
        return Optional.of(new SyslogLine(Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000),
                f.getOrDefault("_HOSTNAME", ""), program, pid, message));
    }

    /** The string-valued fields of a flat JSON object; empty when it is not one. */
    static Map<String, String> fields(String json) {
        Map<String, String> out = new HashMap<>();
        int[] at = {json.indexOf('{') + 1};
        if (at[0] == 0) {
            return out;
        }
        while (true) {
            skipSpace(json, at);
            if (at[0] >= json.length() || json.charAt(at[0]) != '"') {
                return out;
            }
            String key = string(json, at);
            skipSpace(json, at);
            if (key == null || at[0] >= json.length() || json.charAt(at[0]) != ':') {
                return out;
            }
            at[0]++;
            skipSpace(json, at);
            if (at[0] < json.length() && json.charAt(at[0]) == '"') {
                String value = string(json, at);
                if (value == null) {
                    return out;
                }
                out.put(key, value);
            } else {
                skipValue(json, at);
            }
            skipSpace(json, at);
            if (at[0] >= json.length() || json.charAt(at[0]) != ',') {
                return out;
            }
            at[0]++;
        }
    }

    private static void skipSpace(String s, int[] at) {
        while (at[0] < s.length() && Character.isWhitespace(s.charAt(at[0]))) {
            at[0]++;
        }
    }

    /** Skips a number, null, or an array of numbers (journald's binary fields). */
    private static void skipValue(String s, int[] at) {
        int depth = 0;
        while (at[0] < s.length()) {
            char c = s.charAt(at[0]);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if ((c == ',' || c == '}') && depth == 0) {
                return;
            }
            at[0]++;
        }
    }

    private static String string(String s, int[] at) {
        StringBuilder b = new StringBuilder();
        for (int i = at[0] + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                at[0] = i + 1;
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            if (++i >= s.length()) {
                return null;
            }
            char e = s.charAt(i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (i + 4 >= s.length()) {
                        return null;
                    }
                    b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> b.append(e);
            }
        }
        return null;
    }
}
