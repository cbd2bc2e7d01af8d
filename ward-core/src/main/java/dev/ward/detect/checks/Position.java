package dev.ward.detect.checks;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A place in a check file, line and column counted from 1 (the YAML parser counts from 0).
 *
 * @param file the name given to the loader: a resource path or a file path, used only in messages
 */
public record Position(String file, int line, int column) {

    public static Position of(String file, Optional<Mark> mark) {
        return mark.map(m -> new Position(file, m.getLine() + 1, m.getColumn() + 1))
                .orElseGet(() -> new Position(file, 1, 1));
    }

    public static Position of(String file, Node node) {
        return of(file, node.getStartMark());
    }

    public CheckFormatException error(String problem) {
        return new CheckFormatException(this, problem);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
