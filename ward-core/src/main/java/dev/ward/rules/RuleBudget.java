package dev.ward.rules;

/**
 * The most one configuration may take, so that a rule file from a host an intruder controls is
 * refused at file:line instead of filling the memory or keeping ward busy for hours: a rule file
 * that is {@code /dev/zero} or a sparse file of gigabytes, variables defined as copies of copies
 * (each level multiplies), includes that fan out (each file including the next several times).
 * The limits are far above real rule sets: Debian's AIDE configuration (aide-common 0.18.3) with
 * all its parts is 113 KiB in 212 files, 1,919 lines that are not blank or comments, none longer
 * than 779 characters. One per configuration; not thread-safe.
 */
final class RuleBudget {
    /** A rule file's size in bytes. */
    static final long MAX_FILE = 16L << 20;
    /** A line's length, as read (bytes) and after {@code @@{VAR}} expansion (characters). */
    static final int MAX_LINE = 64 << 10;
    /** All files as read, each time it is included, plus what expansion adds. */
    static final long MAX_TEXT = 16L << 20;
    /** Files read and directories listed, each include counted. */
    static final int MAX_FILES = 4096;
    /** Rules, group definitions and settings: what the lines become, each some hundreds of bytes in memory. */
    static final int MAX_STATEMENTS = 100_000;
    /** Includes nested below the top file: AIDE 0.18 refuses an {@code @@include} at depth 16. */
    static final int MAX_INCLUDE_DEPTH = 15;

    private long text;
    private int files;
    private int statements;

    /** One more file read or directory listed, for the include at {@code at}. */
    void file(Origin at) throws RuleFormatException {
        if (++files > MAX_FILES) {
            throw new RuleFormatException(at,
                    "more than " + MAX_FILES + " rule files read in all (each include counted)");
        }
    }

    /** Text read or added by expansion, at {@code at}. */
    void text(Origin at, long length) throws RuleFormatException {
        text += length;
        if (text > MAX_TEXT) {
            throw new RuleFormatException(at, "more than 16 MiB of rules in all (each include and @@{VAR} counted)");
        }
    }

    /** One more line for the parser. */
    void statement(Origin at) throws RuleFormatException {
        if (++statements > MAX_STATEMENTS) {
            throw new RuleFormatException(at, "more than " + MAX_STATEMENTS + " rules, groups and settings in all");
        }
    }

    static void depth(Origin at, int depth) throws RuleFormatException {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new RuleFormatException(at, "includes nested deeper than " + MAX_INCLUDE_DEPTH);
        }
    }

    /** A line too long as read ({@code expanded} false) or after {@code @@{VAR}} expansion. */
    static RuleFormatException longLine(Origin at, boolean expanded) {
        return new RuleFormatException(at, "line longer than 64 KiB" + (expanded ? " after @@{VAR} expansion" : ""));
    }
}
