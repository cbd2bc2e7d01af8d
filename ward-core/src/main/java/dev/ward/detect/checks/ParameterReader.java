package dev.ward.detect.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads a check's {@code parameters:} block and applies overrides. Each parameter is
 * {@code NAME: {type: string|int|list|bool, default: VALUE, description: TEXT}}; the default is
 * required, so a check always runs without configuration.
 */
final class ParameterReader {
    private static final List<String> KEYS = List.of("type", "default", "description");

    private final YamlNodes yaml;

    ParameterReader(YamlNodes yaml) {
        this.yaml = yaml;
    }

    /**
     * @param entry     the {@code parameters} entry, or null when the check has none
     * @param overrides values by parameter name; a name the check does not declare is an error
     * @param checkAt   where the check's id is, for errors about overrides
     */
    Map<String, Parameter> read(NodeTuple entry, Map<String, Object> overrides, Position checkAt)
            throws CheckFormatException {
        Map<String, Parameter> out = new LinkedHashMap<>();
        if (entry != null) {
            Map<String, NodeTuple> declared = yaml.mapping(entry.getValueNode(), "parameters");
            for (Map.Entry<String, NodeTuple> e : declared.entrySet()) {
                out.put(e.getKey(), parameter(e.getKey(), e.getValue()));
            }
        }
        for (Map.Entry<String, Object> o : overrides.entrySet()) {
            Parameter p = out.get(o.getKey());
            if (p == null) {
                throw checkAt.error("override for unknown parameter '" + o.getKey() + "'");
            }
            out.put(o.getKey(), p.withValue(o.getValue()));
        }
        return out;
    }

    private Parameter parameter(String name, NodeTuple entry) throws CheckFormatException {
        Position at = yaml.at(entry.getKeyNode());
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw at.error("parameter name '" + name + "' must be lower-case letters, digits and _");
        }
        Node body = entry.getValueNode();
        Map<String, NodeTuple> keys = yaml.mapping(body, "parameter '" + name + "'");
        yaml.rejectUnknown(keys, KEYS, "parameter '" + name + "'");
        Node typeNode = yaml.require(keys, body, "type", "parameter '" + name + "'");
        Parameter.Type type = Parameter.Type.parse(yaml.string(typeNode, "type"));
        if (type == null) {
            throw yaml.at(typeNode).error("unknown parameter type " + YamlNodes.describe(typeNode)
                    + " (expected string, int, list or bool)");
        }
        Object value = value(type, yaml.require(keys, body, "default", "parameter '" + name + "'"));
        String description = keys.containsKey("description")
                ? yaml.string(keys.get("description").getValueNode(), "description") : "";
        return new Parameter(name, type, value, description, at);
    }

    private Object value(Parameter.Type type, Node node) throws CheckFormatException {
        return switch (type) {
            case STRING -> yaml.string(node, "the default");
            case INT -> yaml.integer(node, "the default");
            case BOOL -> yaml.bool(node, "the default");
            case LIST -> {
                List<Object> items = new ArrayList<>();
                for (Node item : yaml.sequence(node, "the default")) {
                    items.add(yaml.scalar(item, "each item of the default"));
                }
                yield List.copyOf(items);
            }
        };
    }
}
