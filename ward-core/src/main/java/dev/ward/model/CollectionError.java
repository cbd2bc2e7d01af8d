package dev.ward.model;

/**
 * A check or collector that could not see everything it should have. Errors are data: the run
 * goes on, the report lists them, and the exit status says the run was incomplete.
 *
 * @param source what was collecting: a check id or a collector name
 * @param path   the file or object concerned, as displayed; empty when none
 * @param message one line, saying what happened ("permission denied", "line 12: no colon")
 */
public record CollectionError(String source, String path, String message) {
    public CollectionError {
        path = path == null ? "" : path;
    }

    @Override
    public String toString() {
        return source + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
