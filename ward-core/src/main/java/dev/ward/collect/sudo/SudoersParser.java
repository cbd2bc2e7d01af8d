package dev.ward.collect.sudo;

import dev.ward.model.CollectionError;
import dev.ward.model.SudoDefault;
import dev.ward.model.SudoRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one sudoers(5) file into user specifications, Defaults and aliases, leaving includes and
 * alias expansion to {@link SudoersReader}. A line ending in '\' continues on the next; '#' starts a
 * comment, except in {@code #include}/{@code #includedir} (the old spelling of {@code @include})
 * and before a digit ({@code #1000} is a uid). Lines that fit no form are errors with their number.
 */
public final class SudoersParser {
    static final String SOURCE = "sudo";
    private static final Pattern INCLUDE = Pattern.compile("^[@#](include|includedir)[ \t]+(.+)$");
    private static final Pattern ALIAS = Pattern.compile("^(User|Runas|Host|Cmnd|Cmd)_Alias[ \t]+(.*)$");
    private static final Pattern DEFAULTS = Pattern.compile("^Defaults([:@>!][^ \t]*)?(?:[ \t]+(.*))?$");

    /** An {@code @include} (a file) or {@code @includedir} (a directory) at a line. */
    public record Include(int line, boolean directory, String target) {
    }

    /** One file's contents; aliases map "Type:NAME" (Type being User, Runas, Host or Cmnd) to members. */
    public record Parsed(List<SudoRule> rules, List<SudoDefault> defaults, Map<String, List<String>> aliases,
                         List<Include> includes, List<CollectionError> errors) {
    }

    private SudoersParser() {
    }

    public static Parsed parse(String path, String text) {
        Parsed out = new Parsed(new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(),
                new ArrayList<>(), new ArrayList<>());
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = i + 1;
            StringBuilder logical = new StringBuilder();
            String cur = lines[i];
            while (cur.endsWith("\\") && i + 1 < lines.length) {
                logical.append(cur, 0, cur.length() - 1).append(' ');
                cur = lines[++i];
            }
            // a continuation on the last line is a truncated file: drop the dangling '\'
            logical.append(cur.endsWith("\\") ? cur.substring(0, cur.length() - 1) : cur);
            line(path, start, logical.toString().strip(), out);
        }
        return out;
    }

    private static void line(String path, int no, String raw, Parsed out) {
        Matcher inc = INCLUDE.matcher(raw);
        if (inc.matches()) {
            out.includes().add(new Include(no, inc.group(1).equals("includedir"), unquote(inc.group(2).strip())));
            return;
        }
        String line = stripComment(raw);
        if (line.isEmpty()) {
            return;
        }
        if (line.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f || c == 0xfffd)) {
            out.errors().add(error(path, no, "not a sudoers entry (binary data)"));
            return;
        }
        Matcher m;
        if ((m = ALIAS.matcher(line)).matches()) {
            aliases(path, no, m.group(1).equals("Cmd") ? "Cmnd" : m.group(1), m.group(2), out);
        } else if ((m = DEFAULTS.matcher(line)).matches()) {
            defaults(path, no, m.group(1) == null ? "" : m.group(1), m.group(2) == null ? "" : m.group(2), line, out);
        } else if (!UserSpec.parse(path, no, line, out.rules())) {
            out.errors().add(error(path, no, "not a sudoers entry: " + line));
        }
    }

    /** {@code NAME = a, b : NAME2 = c}: several aliases of one type may share a line. */
    private static void aliases(String path, int no, String type, String body, Parsed out) {
        for (String def : UserSpec.splitUnescaped(body, ':')) {
            int eq = def.indexOf('=');
            String name = eq < 0 ? "" : def.substring(0, eq).strip();
            if (!name.matches("[A-Z][A-Z0-9_]*")) {
                out.errors().add(error(path, no, "bad " + type + "_Alias: " + def.strip()));
                continue;
            }
            out.aliases().put(type + ":" + name, UserSpec.list(def.substring(eq + 1)));
        }
    }

    private static void defaults(String path, int no, String binding, String body, String text, Parsed out) {
        for (String item : UserSpec.splitUnescaped(body, ',')) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            boolean negated = s.startsWith("!");
            s = s.replaceFirst("^!+[ \t]*", "");
            Matcher m = Pattern.compile("^([A-Za-z_]+)[ \t]*([+-]?=)[ \t]*(.*)$").matcher(s);
            SudoDefault d = m.matches()
                    ? new SudoDefault(path, no, binding, m.group(1), m.group(2), unquote(m.group(3).strip()), negated, text)
                    : new SudoDefault(path, no, binding, s, "", "", negated, text);
            out.defaults().add(d);
        }
    }

    /** Drops a comment: a '#' not followed by a digit (a uid) and not inside double quotes. */
    static String stripComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '#' && !quoted && !(i + 1 < line.length() && Character.isDigit(line.charAt(i + 1)))) {
                return line.substring(0, i).strip();
            }
        }
        return line.strip();
    }

    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    static CollectionError error(String path, int no, String message) {
        return new CollectionError(SOURCE, path, "line " + no + ": " + message);
    }
}
