package dev.ward.collect.ssh;

import dev.ward.host.DirEntry;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * glob(3) for sshd's {@code Include}: a relative pattern is taken from /etc/ssh, each component may
 * hold '*', '?' or '[...]', and matches come back sorted, as glob sorts them. Names starting with a
 * dot match only a pattern that starts with one.
 */
final class Globs {
    private static final HostPath SSH_DIR = HostPath.of("/etc/ssh");

    private Globs() {
    }

    static List<HostPath> expand(HostRoot root, String pattern, List<CollectionError> errors) {
        String abs = pattern.startsWith("/") ? pattern : SSH_DIR.display() + "/" + pattern;
        List<HostPath> current = List.of(HostPath.ROOT);
        for (String part : abs.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            List<HostPath> next = new ArrayList<>();
            for (HostPath dir : current) {
                next.addAll(step(root, dir, part, errors));
            }
            current = next;
        }
        return current.size() == 1 && current.get(0).isRoot() ? List.of() : current;
    }

    private static List<HostPath> step(HostRoot root, HostPath dir, String part, List<CollectionError> errors) {
        if (!part.contains("*") && !part.contains("?") && !part.contains("[")) {
            HostPath p = dir.resolve(part);
            try {
                return root.exists(p) ? List.of(p) : List.of();
            } catch (HostException e) {
                errors.add(new CollectionError("ssh", p.display(), e.getMessage()));
                return List.of();
            }
        }
        Pattern re = toRegex(part);
        List<HostPath> out = new ArrayList<>();
        try {
            for (DirEntry e : root.list(dir)) {
                String name = e.name();
                if (re.matcher(name).matches() && (!name.startsWith(".") || part.startsWith("."))) {
                    out.add(e.path());
                }
            }
        } catch (HostException e) {
            errors.add(new CollectionError("ssh", dir.display(), e.getMessage()));
        }
        return out;
    }

    static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[', ']' -> re.append(c);
                case '!' -> re.append(re.length() > 0 && re.charAt(re.length() - 1) == '[' ? "^" : "!");
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        try {
            return Pattern.compile(re.toString());
        } catch (java.util.regex.PatternSyntaxException e) {
            return Pattern.compile(Pattern.quote(glob)); // an unbalanced '[' is a literal to glob(3)
        }
    }
}
