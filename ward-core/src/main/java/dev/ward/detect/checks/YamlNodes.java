package dev.ward.detect.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed reads from composed YAML nodes. Every failure names the node's position, which is why the
 * loader works on nodes rather than on the plain maps and lists a YAML "load" would give.
 * Scalars are typed by the YAML 1.2 core schema: {@code 0} is an int, {@code "0"} a string.
 */
final class YamlNodes {
    private final String file;

    YamlNodes(String file) {
        this.file = file;
    }

    Position at(Node node) {
        return Position.of(file, node);
    }

    /** A mapping's entries by key, in file order; keys must be plain strings and unique. */
    Map<String, NodeTuple> mapping(Node node, String what) throws CheckFormatException {
        if (!(node instanceof MappingNode map)) {
            throw at(node).error(what + " must be a mapping, not " + describe(node));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key) || !key.getTag().equals(Tag.STR)) {
                throw at(t.getKeyNode()).error("keys in " + what + " must be strings");
            }
            if (entries.putIfAbsent(key.getValue(), t) != null) {
                throw at(key).error("duplicate key '" + key.getValue() + "' in " + what);
            }
        }
        return entries;
    }

    /** Fails on the first key that is not in {@code known}, naming the keys that are. */
    void rejectUnknown(Map<String, NodeTuple> entries, List<String> known, String what)
            throws CheckFormatException {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw at(e.getValue().getKeyNode()).error("unknown key '" + e.getKey() + "' in " + what
                        + " (expected one of " + String.join(", ", known) + ")");
            }
        }
    }

    Node require(Map<String, NodeTuple> entries, Node owner, String key, String what)
            throws CheckFormatException {
        NodeTuple t = entries.get(key);
        if (t == null) {
            throw at(owner).error("missing required key '" + key + "' in " + what);
        }
        return t.getValueNode();
    }

    String string(Node node, String what) throws CheckFormatException {
        if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) {
            throw at(node).error(what + " must be a string, not " + describe(node));
        }
        return s.getValue();
    }

    long integer(Node node, String what) throws CheckFormatException {
        Object v = scalar(node, what);
        if (!(v instanceof Long l)) {
            throw at(node).error(what + " must be an integer, not " + describe(node));
        }
        return l;
    }

    boolean bool(Node node, String what) throws CheckFormatException {
        Object v = scalar(node, what);
        if (!(v instanceof Boolean b)) {
            throw at(node).error(what + " must be true or false, not " + describe(node));
        }
        return b;
    }

    List<Node> sequence(Node node, String what) throws CheckFormatException {
        if (!(node instanceof SequenceNode seq)) {
            throw at(node).error(what + " must be a list, not " + describe(node));
        }
        return seq.getValue();
    }

    List<String> strings(Node node, String what) throws CheckFormatException {
        List<String> out = new ArrayList<>();
        for (Node item : sequence(node, what)) {
            out.add(string(item, "each item of " + what));
        }
        return List.copyOf(out);
    }

    /** A scalar as String, Long, Double or Boolean; null, mappings and lists are refused. */
    Object scalar(Node node, String what) throws CheckFormatException {
        if (!(node instanceof ScalarNode s) || s.getTag().equals(Tag.NULL)) {
            throw at(node).error(what + " must be a single value, not " + describe(node));
        }
        String v = s.getValue();
        try {
            if (s.getTag().equals(Tag.INT)) {
                return Long.decode(v.replace("0o", "0").replace("+", ""));
            } else if (s.getTag().equals(Tag.FLOAT)) {
                return Double.parseDouble(v);
            } else if (s.getTag().equals(Tag.BOOL)) {
                return Boolean.parseBoolean(v);
            }
        } catch (NumberFormatException e) {
            throw at(node).error(what + ": number out of range: " + v);
        }
        return v;
    }

    static String describe(Node node) {
        return switch (node) {
            case MappingNode m -> "a mapping";
            case SequenceNode s -> "a list";
            case ScalarNode s when s.getTag().equals(Tag.NULL) -> "an empty value";
            case ScalarNode s when s.getTag().equals(Tag.STR) -> "the string '" + s.getValue() + "'";
            case ScalarNode s -> "'" + s.getValue() + "'";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
