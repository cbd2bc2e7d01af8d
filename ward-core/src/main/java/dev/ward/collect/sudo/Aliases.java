package dev.ward.collect.sudo;

import dev.ward.model.SudoRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One level of alias expansion: enough to see that {@code WEB ALL = NOPASSWD: SHELLS} grants a
 * shell to www-data. A name that is not a defined alias stays as written; '!' before an alias
 * carries to its members.
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
            out.add(new SudoRule(r.path(), r.line(), principal, hosts, runas, r.nopasswd(), commands, r.text()));
        }
        return out;
    }

    private static List<String> members(List<String> items, String type, Map<String, List<String>> aliases) {
        List<String> out = new ArrayList<>();
        for (String item : items) {
            boolean negated = item.startsWith("!");
            String name = negated ? item.substring(1).strip() : item;
            List<String> m = aliases.get(type + ":" + name);
            if (m == null) {
                out.add(item);
            } else {
                m.forEach(x -> out.add(negated ? "!" + x : x));
            }
        }
        return out;
    }
}
