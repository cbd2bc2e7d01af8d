package dev.ward.detect.checks;

/**
 * A check file that cannot be used: bad YAML, a missing or unknown key, a wrong type, a bad regex,
 * an unknown field. The message is one line, {@code file:line:column: what is wrong}, with line and
 * column counted from 1, so editors and CI logs can jump to the spot.
 */
public final class CheckFormatException extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    public CheckFormatException(Position at, String problem) {
        this(at, problem, null);
    }

    public CheckFormatException(Position at, String problem, Throwable cause) {
        super(at + ": " + problem, cause);
        this.file = at.file();
        this.line = at.line();
        this.column = at.column();
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the position. */
    public String problem() {
        return problem;
    }
}
