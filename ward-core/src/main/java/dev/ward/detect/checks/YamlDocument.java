package dev.ward.detect.checks;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Composes the one YAML document of a check file into nodes that keep their positions, and turns
 * the parser's errors into {@link CheckFormatException}s.
 *
 * <p>Before composing, the event stream is scanned (the parser is iterative, the composer and the
 * match reader are recursive) to refuse what a check never needs and a hostile file could use:
 * nesting deeper than {@value #MAX_DEPTH}, which would overflow the stack, and anchors and
 * aliases, which let a small file expand exponentially when its nodes are walked.
 */
final class YamlDocument {
    static final int MAX_DEPTH = 64;

    private YamlDocument() {
    }

    static Optional<Node> compose(String file, String text) throws CheckFormatException {
        LoadSettings settings = LoadSettings.builder().setLabel(file).setSchema(new CoreSchema()).build();
        try {
            checkShape(file, new Parse(settings).parseString(text));
            return new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            boolean problem = e.getProblemMark().isPresent();
            String message = problem ? e.getProblem() : e.getContext();
            Position at = Position.of(file, problem ? e.getProblemMark() : e.getContextMark());
            throw new CheckFormatException(at, "invalid YAML: " + oneLine(message), e);
        } catch (YamlEngineException e) {
            throw new CheckFormatException(new Position(file, 1, 1), "invalid YAML: " + oneLine(e.getMessage()), e);
        }
    }

    private static void checkShape(String file, Iterable<Event> events) throws CheckFormatException {
        int depth = 0;
        for (Event e : events) {
            switch (e.getEventId()) {
                case MappingStart, SequenceStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw Position.of(file, e.getStartMark()).error("nested deeper than " + MAX_DEPTH + " levels");
                    }
                }
                case MappingEnd, SequenceEnd -> depth--;
                case Alias -> throw Position.of(file, e.getStartMark())
                        .error("aliases (*name) are not allowed in check files");
                default -> { }
            }
        }
    }

    private static String oneLine(String message) {
        return message == null ? "syntax error" : message.strip().replaceAll("\\s*\\n\\s*", "; ");
    }
}
