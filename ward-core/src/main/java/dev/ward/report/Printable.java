package dev.ward.report;

/**
 * Makes report text safe to show. Titles, summaries and evidence can carry what an attacker wrote
 * (a process name, a log line, a cron command); printed raw, an escape sequence could rewrite the
 * analyst's terminal and a bidi override could make {@code evil.sh} read as something else. So
 * control characters (C0, DEL, C1) become {@code \n}, {@code \t} or {@code \xNN}, and bidi
 * controls become a backslash, {@code u} and four hex digits. Backslashes are left alone: paths
 * arrive already escaped by {@code HostPath.display()} and must read back the same.
 */
public final class Printable {
    private static final String HEX = "0123456789abcdef";

    private Printable() {
    }

    /** One line of safe text: every control character, newline included, is escaped. */
    public static String line(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String esc = escape(c);
            if (esc != null && out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (out != null) {
                if (esc != null) {
                    out.append(esc);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static String escape(char c) {
        if (c == '\n') {
            return "\\n";
        }
        if (c == '\t') {
            return "\\t";
        }
        if (c < 0x20 || c == 0x7f) {
            return "\\x" + HEX.charAt(c >> 4) + HEX.charAt(c & 0xf);
        }
        if ((c >= 0x80 && c <= 0x9f) || isBidiControl(c)) {
            return String.format("\\u%04x", (int) c);
        }
        return null;
    }

    /** LRE..RLO, LRI..PDI, LRM, RLM, ALM: the characters "Trojan Source" abuses. */
    private static boolean isBidiControl(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
