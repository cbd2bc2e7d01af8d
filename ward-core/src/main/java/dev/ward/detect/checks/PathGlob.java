package dev.ward.detect.checks;

import java.util.regex.Pattern;

/**
 * Shell-style path globs, matched against the whole display form of a value: {@code *} is any run
 * of characters within one path component, {@code **} any run including {@code /} (so
 * {@code /a/**}{@code /b} also matches {@code /a/b}), {@code ?} one character other than {@code /},
 * {@code [abc]}, {@code [a-z]} and {@code [!abc]} a character class. A backslash is an ordinary
 * character, because display forms use it for escapes such as {@code \x80}; write {@code [*]} for a
 * literal star.
 */
final class PathGlob {
    private PathGlob() {
    }

    /** The glob as a regex; throws IllegalArgumentException naming the problem. */
    static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean slash = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                re.append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 3 : 2;
            } else if (c == '*') {
                re.append("[^/]*");
                i++;
            } else if (c == '?') {
                re.append("[^/]");
                i++;
            } else if (c == '[') {
                i = charClass(glob, i, re);
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** Appends the class that starts at {@code open}; returns the index after its closing bracket. */
    private static int charClass(String glob, int open, StringBuilder re) {
        int i = open + 1;
        boolean negate = i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^');
        if (negate) {
            i++;
        }
        StringBuilder cls = new StringBuilder(negate ? "[^/" : "[");
        int first = i;
        while (i < glob.length() && (glob.charAt(i) != ']' || i == first)) {
            char c = glob.charAt(i);
            boolean range = c == '-' && i > first && i + 1 < glob.length() && glob.charAt(i + 1) != ']';
            cls.append(range ? "-" : Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
            i++;
        }
        if (i >= glob.length()) {
            throw new IllegalArgumentException("unclosed '[' at offset " + open + " in glob '" + glob + "'");
        }
        re.append(cls).append(']');
        return i + 1;
    }
}
