package dev.ward.rules;

import static dev.ward.rules.RuleFormatException.quote;

import dev.ward.host.HostPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * AIDE's macro lines, run by the {@link RuleLexer} as it meets them. Inside a block whose condition
 * is false only the {@code @@if}/{@code @@else}/{@code @@endif} structure is followed, as in AIDE.
 */
final class RuleDirectives {
    private final RuleLexer lexer;
    private final String hostname;

    RuleDirectives(RuleLexer lexer, String hostname) {
        this.lexer = lexer;
        this.hostname = hostname;
    }

    void run(HostPath file, Origin origin, String text, int depth) throws RuleFormatException {
        String[] head = text.split("\\s+", 2);
        String name = head[0];
        if (!lexer.active()) {
            switch (name) {
                case "@@if", "@@ifdef", "@@ifndef", "@@ifhost", "@@ifnhost" -> lexer.openIf(origin, false);
                case "@@else" -> lexer.openElse(origin);
                case "@@endif" -> lexer.closeIf(origin);
                default -> { }
            }
            return;
        }
        String rest = head.length > 1 ? lexer.substitute(head[1], origin).strip() : "";
        // arguments are unescaped like rule fields; a define keeps its raw text for the lines that use it
        List<String> args = RuleTokens.split(rest);
        switch (name) {
            case "@@define" -> define(origin, rest);
            case "@@undef" -> lexer.undefine(one(origin, name, args));
            case "@@ifdef" -> lexer.openIf(origin, lexer.defined(one(origin, name, args)));
            case "@@ifndef" -> lexer.openIf(origin, !lexer.defined(one(origin, name, args)));
            case "@@ifhost" -> lexer.openIf(origin, hostname.equals(one(origin, name, args)));
            case "@@ifnhost" -> lexer.openIf(origin, !hostname.equals(one(origin, name, args)));
            case "@@if" -> lexer.openIf(origin, condition(origin, args));
            case "@@else" -> lexer.openElse(origin);
            case "@@endif" -> lexer.closeIf(origin);
            case "@@include" -> include(file, origin, args, depth);
            case "@@x_include", "@@x_include_setenv" -> throw new RuleFormatException(origin,
                    name + " is not supported by ward (it runs configuration programs)");
            default -> throw new RuleFormatException(origin, "unknown macro " + quote(name));
        }
    }

    private void define(Origin origin, String rest) throws RuleFormatException {
        String[] parts = rest.split("\\s+", 2);
        if (parts[0].isEmpty()) {
            throw new RuleFormatException(origin, "@@define needs a variable name");
        }
        lexer.define(parts[0], parts.length > 1 ? parts[1] : "");
    }

    private static String one(Origin origin, String name, List<String> args) throws RuleFormatException {
        if (args.size() != 1) {
            throw new RuleFormatException(origin, name + " takes exactly one argument");
        }
        return args.get(0);
    }

    /** AIDE 0.18's {@code @@if}: {@code [not] defined VAR} and {@code [not] hostname NAME}. */
    private boolean condition(Origin origin, List<String> args) throws RuleFormatException {
        if (!args.isEmpty() && args.get(0).equals("not")) {
            return !condition(origin, args.subList(1, args.size()));
        }
        if (args.size() != 2) {
            throw new RuleFormatException(origin, "@@if expects 'defined VAR' or 'hostname NAME'");
        }
        return switch (args.get(0)) {
            case "defined" -> lexer.defined(args.get(1));
            case "hostname" -> hostname.equals(args.get(1));
            case "exists" -> throw new RuleFormatException(origin,
                    "'@@if exists' is not supported by ward (the rules describe another host)");
            default -> throw new RuleFormatException(origin, "unknown @@if function " + quote(args.get(0)));
        };
    }

    /** {@code @@include FILE} or {@code @@include DIR REGEX}; relative names are from the including file. */
    private void include(HostPath file, Origin origin, List<String> args, int depth) throws RuleFormatException {
        if (args.isEmpty() || args.size() > 3) {
            throw new RuleFormatException(origin, "@@include expects FILE or DIRECTORY REGEX");
        }
        if (args.size() == 3) {
            throw new RuleFormatException(origin, "@@include with a rule prefix is not supported by ward");
        }
        HostPath target = resolve(file, args.get(0));
        if (args.size() == 1) {
            lexer.include(target, origin, depth + 1);
            return;
        }
        Pattern names;
        try {
            names = Pattern.compile(args.get(1));
        } catch (PatternSyntaxException e) {
            throw new RuleFormatException(origin, "invalid regular expression " + quote(args.get(1)));
        }
        for (HostPath each : lexer.directory(target, names, origin)) {
            lexer.include(each, origin, depth + 1);
        }
    }

    /** {@code name} as an include writes it: absolute, or relative to the directory of {@code file}. */
    private static HostPath resolve(HostPath file, String name) {
        ByteArrayOutputStream path = new ByteArrayOutputStream();
        if (!name.startsWith("/")) {
            path.writeBytes(file.parent().bytes());
            path.write('/');
        }
        path.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        return HostPath.ofBytes(path.toByteArray());
    }
}
