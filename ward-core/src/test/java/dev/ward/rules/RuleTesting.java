package dev.ward.rules;

import dev.ward.baseline.Attribute;
import dev.ward.host.FileType;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;

/** Shared helpers: rules from text, and attribute sets written as AIDE names ("p+u+sha256"). */
final class RuleTesting {
    static final String HOST = "web1";

    private RuleTesting() {
    }

    static RuleSet rules(String text) throws RuleFormatException {
        return RuleSet.parse("t.conf", text.getBytes(StandardCharsets.UTF_8), HOST);
    }

    static Set<Attribute> attrs(String expr) {
        Set<Attribute> out = EnumSet.noneOf(Attribute.class);
        for (String name : expr.split("\\+")) {
            out.add(Attribute.byToken(name));
        }
        return out;
    }

    static FileType type(String letter) {
        return switch (letter) {
            case "f" -> FileType.REGULAR;
            case "d" -> FileType.DIRECTORY;
            case "l" -> FileType.SYMLINK;
            case "c" -> FileType.CHAR_DEVICE;
            case "b" -> FileType.BLOCK_DEVICE;
            case "p" -> FileType.FIFO;
            case "s" -> FileType.SOCKET;
            default -> throw new IllegalArgumentException(letter);
        };
    }
}
