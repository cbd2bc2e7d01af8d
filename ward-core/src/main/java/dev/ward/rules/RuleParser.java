package dev.ward.rules;

import static dev.ward.rules.RuleFormatException.quote;

import dev.ward.rules.Statement.Kind;
import dev.ward.rules.Statement.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Second stage: logical lines to {@link Statement}s. Knows the shape of a line, not what names
 * mean; groups and attributes are resolved by the {@link RuleCompiler}.
 */
final class RuleParser {
    /** AIDE 0.18's settings of its own input, output and logging; ward takes these on its command line. */
    static final Set<String> AIDE_OPTIONS = Set.of(
            "database", "database_in", "database_out", "database_new", "database_attrs",
            "database_add_metadata", "log_level", "report_level", "report_format", "report_url",
            "report_base16", "report_detailed_init", "report_quiet", "report_append", "report_grouped",
            "report_summarize_changes", "report_ignore_added_attrs", "report_ignore_removed_attrs",
            "report_ignore_changed_attrs", "report_force_attrs", "report_ignore_e2fsattrs",
            "gzip_dbout", "root_prefix", "acl_no_symlink_follow", "warn_dead_symlinks",
            "config_version", "config_check_warn_unrestricted_rules", "num_workers", "verbose",
            "grouped", "summarize_changes", "report_attributes", "ignore_list");

    private RuleParser() {
    }

    static List<Statement> parse(List<RuleLexer.Line> lines) throws RuleFormatException {
        List<Statement> out = new ArrayList<>(lines.size());
        for (RuleLexer.Line line : lines) {
            out.add(parseLine(line.origin(), line.text()));
        }
        return out;
    }

    static Statement parseLine(Origin origin, String text) throws RuleFormatException {
        char first = text.charAt(0);
        if (first == '/' || first == '!' || (first == '=' && text.length() > 1 && text.charAt(1) == '/')) {
            return rule(origin, RuleTokens.split(text));
        }
        if (first == '-' && text.length() > 1 && text.charAt(1) == '/') {
            throw new RuleFormatException(origin,
                    "non-recursive negative rules ('-/...') are AIDE 0.19 and not supported by ward");
        }
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new RuleFormatException(origin, "not a rule, a group definition or an option: " + quote(text));
        }
        String key = text.substring(0, eq).strip();
        String value = text.substring(eq + 1).strip();
        if (AIDE_OPTIONS.contains(key)) {
            return new Statement.Option(origin, key, value);
        }
        if (!key.matches("[A-Za-z0-9]+")) {
            throw new RuleFormatException(origin, "unknown option " + quote(key));
        }
        return new Statement.GroupDef(origin, key, terms(origin, RuleTokens.unescape(value)));
    }

    private static Statement rule(Origin origin, List<String> tokens) throws RuleFormatException {
        String head = tokens.get(0);
        Kind kind = switch (head.charAt(0)) {
            case '!' -> Kind.NEGATIVE;
            case '=' -> Kind.EQUAL;
            default -> Kind.REGULAR;
        };
        String regex = RuleTokens.urlDecode(kind == Kind.REGULAR ? head : head.substring(1));
        if (!regex.startsWith("/")) {
            throw new RuleFormatException(origin, "a rule's regular expression must start with '/'");
        }
        int fields = tokens.size() - 1;
        if (kind == Kind.NEGATIVE) {
            if (fields > 1) {
                throw new RuleFormatException(origin, "a negative rule takes no attributes");
            }
            return new Statement.Rule(origin, kind, regex, fields == 1 ? tokens.get(1) : null, List.of());
        }
        if (fields == 0) {
            throw new RuleFormatException(origin, "rule " + quote(head) + " has no attribute expression");
        }
        if (fields > 2) {
            throw new RuleFormatException(origin, "too many fields in rule " + quote(head));
        }
        String restriction = fields == 2 ? tokens.get(1) : null;
        return new Statement.Rule(origin, kind, regex, restriction, terms(origin, tokens.get(fields)));
    }

    /** {@code p+i-m}: names joined by '+' (add) and '-' (remove); the first may omit its sign. */
    static List<Term> terms(Origin origin, String expr) throws RuleFormatException {
        List<Term> terms = new ArrayList<>();
        boolean add = true;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i <= expr.length(); i++) {
            char c = i < expr.length() ? expr.charAt(i) : '+';
            if (c == '+' || c == '-') {
                if (name.isEmpty() && (i > 0 || i == expr.length())) {
                    throw new RuleFormatException(origin, "missing name in attribute expression " + quote(expr));
                }
                if (!name.isEmpty()) {
                    terms.add(new Term(add, name.toString()));
                }
                add = c == '+';
                name.setLength(0);
            } else if (Character.isWhitespace(c)) {
                throw new RuleFormatException(origin, "space in attribute expression " + quote(expr));
            } else {
                name.append(c);
            }
        }
        return terms;
    }
}
