package dev.ward.collect.pam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code /etc/pam.d} file to its rules (pam.conf(5)). Pure. A rule is {@code type control module
 * [args]}; a leading '-' on the type means "skip silently if the module is missing"; the control
 * may be a bracketed list with spaces ({@code [success=1 default=ignore]}); {@code @include} lines
 * and comments are skipped; backslash continues a line. A rule with an unknown type or too few
 * fields is a problem, as libpam logs and ignores it.
 */
public final class PamParser {
    public record Rule(int line, String text, String type, String control, String module, List<String> args,
                       boolean denyBefore) {
    }

    public record Result(List<Rule> rules, List<String> problems) {
    }

    private static final Set<String> TYPES = Set.of("auth", "account", "password", "session");

    private PamParser() {
    }

    public static Result parse(String text) {
        return parse(text, false);
    }

    /** {@code /etc/pam.conf}: each rule starts with its service name. */
    public static Result parseConf(String text) {
        return parse(text, true);
    }

    private static Result parse(String text, boolean withService) {
        List<Rule> rules = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> denied = new HashSet<>();
        String[] lines = text.replace("\0", "").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].replace("\r", "").strip();
            int start = i + 1;
            while (t.endsWith("\\") && i + 1 < lines.length) {
                t = t.substring(0, t.length() - 1).stripTrailing() + " " + lines[++i].strip();
            }
            if (t.isEmpty() || t.startsWith("#") || t.startsWith("@")) {
                continue;
            }
            String[] service = withService ? t.split("\\s+", 2) : new String[] {"", t};
            Rule rule = service.length < 2 ? null : rule(start, t, service[1], denied, service[0] + " ");
            if (rule == null) {
                problems.add("line " + start + ": not a PAM rule");
                continue;
            }
            rules.add(rule);
            if (rule.module().endsWith("pam_deny.so")) {
                denied.add(service[0] + " " + rule.type());
            }
        }
        return new Result(rules, problems);
    }

    private static Rule rule(int no, String text, String t, Set<String> denied, String service) {
        String[] head = t.split("\\s+", 2);
        String type = head[0].startsWith("-") ? head[0].substring(1) : head[0];
        if (!TYPES.contains(type.toLowerCase()) || head.length < 2) {
            return null;
        }
        String rest = head[1].strip();
        String control;
        if (rest.startsWith("[")) {
            int close = rest.indexOf(']');
            if (close < 0) {
                return null;
            }
            control = rest.substring(0, close + 1);
            rest = rest.substring(close + 1).strip();
        } else {
            String[] c = rest.split("\\s+", 2);
            control = c[0];
            rest = c.length > 1 ? c[1] : "";
        }
        String[] f = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        if (f.length == 0) {
            return null;
        }
        List<String> args = Arrays.asList(f).subList(1, f.length);
        String lower = type.toLowerCase();
        return new Rule(no, text, lower, control, f[0], args, denied.contains(service + lower));
    }
}
