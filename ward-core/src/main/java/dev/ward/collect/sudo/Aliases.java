package dev.ward.collect.sudo;

import dev.ward.model.SudoRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alias expansion, so that {@code WEB ALL = NOPASSWD: SHELLS} reads as a shell granted to
 * www-data. An alias may name other aliases of its type ({@code Cmnd_Alias A = B}, {@code
 * Cmnd_Alias B = ALL}): members are expanded until only plain names remain. Each alias is expanded
 * once per list (its members are already there the second time), so a cycle, which visudo rejects
 * but a file may still hold, ends, and nesting cannot multiply the work. A name that is not
 * a defined alias stays as written; '!' before an alias carries to its members, and two cancel.
 */
final class Aliases {
    private Aliases() {
    }

    static List<SudoRule> expand(SudoRule r, Map<String, List<String>> aliases) {
        List<String> commands = members(r.commands(), "Cmnd", aliases);
        List<String> hosts = members(r.hosts(), "Host", aliases);
        String runas = String.join(", ", members(UserSpec.list(r.runas()), "Runas", aliases));
        List<SudoRule> out = new ArrayList<>();
        for (String principal : members(List.of(r.principal()), "User", aliases)) {
            out.add(new SudoRule(r.path(), r.line(), principal, hosts, runas, r.nopasswd(), r.setenv(), commands,
                    r.text()));
        }
        return out;
    }

    private static List<String> members(List<String> items, String type, Map<String, List<String>> aliases) {
        List<String> out = new ArrayList<>();
        members(items, type, aliases, false, new HashSet<>(), out);
        return out;
    }

    private static void members(List<String> items, String type, Map<String, List<String>> aliases,
                                boolean negate, Set<String> done, List<String> out) {
        for (String item : items) {
            boolean negated = item.startsWith("!");
            String name = negated ? item.substring(1).strip() : item;
            boolean sign = negate != negated;
            List<String> m = aliases.get(type + ":" + name);
            if (m == null) {
                out.add(sign ? "!" + name : name);
            } else if (done.add((sign ? "!" : "") + name)) {
                members(m, type, aliases, sign, done, out);
            }
        }
    }
}
