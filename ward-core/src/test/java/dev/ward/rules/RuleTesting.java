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

    /** The file type a restriction letter stands for, as the compiler reads it. */
    static FileType type(String letter) {
        try {
            return RuleCompiler.fileType(new Origin("test", 1), letter);
        } catch (RuleFormatException e) {
            throw new IllegalArgumentException(letter, e);
        }
    }
}
