package dev.ward.rules;

/**
 * The most one configuration may take, so that a rule file from a host an intruder controls is
 * refused at file:line instead of filling the memory or keeping ward busy: a rule file that is
 * {@code /dev/zero} or a sparse file of gigabytes, includes nested without end.
 */
final class RuleBudget {
    /** A rule file's size in bytes. */
    static final long MAX_FILE = 16L << 20;
    /** Includes nested below the top file: AIDE 0.18 refuses an {@code @@include} at depth 16. */
    static final int MAX_INCLUDE_DEPTH = 15;

    private RuleBudget() {
    }

    static void depth(Origin at, int depth) throws RuleFormatException {
        if (depth > MAX_INCLUDE_DEPTH) {
            throw new RuleFormatException(at, "includes nested deeper than " + MAX_INCLUDE_DEPTH);
        }
    }
}
