package dev.ward.baseline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A baseline or key file cannot be written or read. The message is one line that starts with the
 * file, fit to print as it is ("/var/lib/ward/base.db: not a ward baseline (no header table)"); the
 * kind says whether the file is missing, holds what no ward wrote (bad data), or could not be read
 * or written (an I/O error).
 */
public final class BaselineException extends IOException {
    /** What went wrong, for the exit status. */
    public enum Kind { MISSING, DAMAGED, IO }

    private final Kind kind;

    public BaselineException(Path file, String problem) {
        this(Kind.IO, file, problem, null);
    }

    public BaselineException(Path file, String problem, Throwable cause) {
        this(Kind.IO, file, problem, cause);
    }

    BaselineException(Kind kind, Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.kind = kind;
    }

    /** A file whose content is not what ward writes: a foreign, damaged or edited file. */
    static BaselineException damaged(Path file, String problem) {
        return new BaselineException(Kind.DAMAGED, file, problem, null);
    }

    public Kind kind() {
        return kind;
    }
}
