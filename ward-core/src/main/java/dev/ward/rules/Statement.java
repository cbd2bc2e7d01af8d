package dev.ward.rules;

import java.util.List;

/** One meaningful line of a rule file after macros and includes, still unresolved (the AST). */
public sealed interface Statement {
    Origin origin();

    /** {@code NAME = p+i+n}: {@code terms} are read left to right, each adding or removing. */
    record GroupDef(Origin origin, String name, List<Term> terms) implements Statement { }

    /** {@code key=value} for one of AIDE's own settings (database, report, logging): ignored. */
    record Option(Origin origin, String key, String value) implements Statement { }

    /**
     * A selection line. {@code regex} is as written after unescaping; {@code restriction} is the
     * file-type list or null; {@code terms} is empty for a negative rule.
     */
    record Rule(Origin origin, Kind kind, String regex, String restriction, List<Term> terms)
            implements Statement { }

    /** AIDE's three kinds of rule in 0.18. */
    enum Kind {
        /** {@code /regex GROUP}: the path and, since the regex is not anchored at the end, what is below. */
        REGULAR,
        /** {@code =/regex GROUP}: the matched path, no deeper; its children only if the regex ends in '/'. */
        EQUAL,
        /** {@code !/regex}: matching paths are not recorded (AIDE 0.18 still recurses into them). */
        NEGATIVE
    }

    /** One operand of an attribute expression: {@code +name} or {@code -name}. */
    record Term(boolean add, String name) { }
}
