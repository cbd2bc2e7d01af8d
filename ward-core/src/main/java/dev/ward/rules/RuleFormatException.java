package dev.ward.rules;

/**
 * A rule file ward cannot use; the message is {@code file:line: what is wrong}, or {@code file: ...}
 * when the file itself cannot be read.
 */
public final class RuleFormatException extends Exception {
    private final Origin origin;

    public RuleFormatException(Origin origin, String message) {
        super(origin + ": " + message);
        this.origin = origin;
    }

    /** Where the problem is. */
    public Origin origin() {
        return origin;
    }
}
