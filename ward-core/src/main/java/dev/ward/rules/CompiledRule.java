package dev.ward.rules;

import dev.ward.baseline.Attribute;
import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import dev.ward.rules.Statement.Kind;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One selection line, resolved: the regex compiled, the file types it is restricted to (empty for
 * none), the attributes it records, and the rule-tree node it hangs on.
 */
record CompiledRule(Origin origin, Kind kind, String regex, Pattern pattern, Set<FileType> types,
        Set<Attribute> attributes, HostPath node, HostPath start) {

    boolean positive() {
        return kind != Kind.NEGATIVE;
    }

    boolean allows(FileType type) {
        return types.isEmpty() || types.contains(type);
    }

    /**
     * Whether this rule matches a path (escaped form). The regex is anchored at the start only
     * (AIDE's implicit '^'), so {@code /etc} matches {@code /etc/passwd} and {@code /etcfoo}. An
     * equals rule matches only when what follows its match holds no '/': the path itself, never
     * deeper; a directory is also tried with a trailing '/', so {@code =/foo/} takes {@code /foo}.
     */
    boolean matches(String path, FileType type) {
        if (!allows(type)) {
            return false;
        }
        if (kind != Kind.EQUAL) {
            return pattern.matcher(path).lookingAt();
        }
        return equalMatch(path) || (type == FileType.DIRECTORY && !path.equals("/") && equalMatch(path + "/"));
    }

    private boolean equalMatch(String path) {
        Matcher m = pattern.matcher(path);
        return m.lookingAt() && path.indexOf('/', m.end()) < 0;
    }

    /** True when some path starting with {@code prefix} could match (Java's hitEnd: the input ran out). */
    boolean couldMatchBelow(String prefix) {
        Matcher m = pattern.matcher(prefix);
        return m.lookingAt() || m.hitEnd();
    }

    /**
     * True when this rule surely matches every path starting with {@code prefix}: the match did
     * not depend on anything after it, and no file type restriction can spare a child.
     */
    boolean coversBelow(String prefix) {
        Matcher m = pattern.matcher(prefix);
        return types.isEmpty() && m.lookingAt() && !m.hitEnd() && !m.requireEnd();
    }

    /** The rule in one canonical line, for the digest. */
    String normalised() {
        StringBuilder sb = new StringBuilder();
        sb.append(switch (kind) {
            case REGULAR -> "";
            case EQUAL -> "=";
            case NEGATIVE -> "!";
        }).append(regex).append(' ');
        if (types.isEmpty()) {
            sb.append('0');
        } else {
            types.stream().sorted().forEach(t -> sb.append(RuleCompiler.typeLetter(t)));
        }
        sb.append(' ');
        attributes.stream().sorted().forEach(a -> sb.append(a.keyword()).append('+'));
        return sb.toString();
    }
}
