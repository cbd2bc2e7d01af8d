package dev.ward.baseline;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A baseline file cannot be written or read. The message is one line that starts with the file,
 * fit to print as it is ("/var/lib/ward/base.db: not a ward baseline (no header table)").
 */
public final class BaselineException extends IOException {
    public BaselineException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public BaselineException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
