package dev.ward.rules;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * AIDE's escapes inside a line: a backslash escapes ' ', '@' and '\' (so {@code \\.} in a file is
 * the regex {@code \.}); any other backslash is kept for the regex. In rule regexes {@code %XX}
 * (two hex digits) stands for that byte, AIDE's way to write a space or a '#'.
 */
final class RuleTokens {
    private RuleTokens() {
    }

    /** Splits on unescaped white space and unescapes each field. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && " \t@\\".indexOf(text.charAt(i + 1)) >= 0) {
                field.append(text.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (!field.isEmpty()) {
                    out.add(field.toString());
                    field.setLength(0);
                }
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty()) {
            out.add(field.toString());
        }
        return out;
    }

    /** Unescapes text that is one field (a group's expression). */
    static String unescape(String text) {
        return String.join(" ", split(text));
    }

    /** Decodes {@code %XX}; a '%' not followed by two hex digits stays as it is. */
    static String urlDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && hex(text, i + 1) && hex(text, i + 2)) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end - 1;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean hex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }
}
