package dev.ward.detect.checks;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.NodeType;

/**
 * Reads the {@code match:} expression. A mapping is either one combinator ({@code all}, {@code any},
 * {@code not}) or one condition: {@code field} plus exactly one operator. Operands may be
 * {@code {param: NAME}}; they are replaced by the parameter's effective value here, and regexes
 * and globs are compiled here, so a bad one fails at load with its line.
 */
final class MatchParser {
    private static final List<String> COMBINATORS = List.of("all", "any", "not");
    private static final List<String> OPERATORS = List.of("equals", "not_equals", "in", "not_in", "regex",
            "not_regex", "gt", "ge", "lt", "le", "glob", "exists");

    private final YamlNodes yaml;
    private final Map<String, Parameter> params;

    MatchParser(YamlNodes yaml, Map<String, Parameter> params) {
        this.yaml = yaml;
        this.params = params;
    }

    Match parse(Node node) throws CheckFormatException {
        Map<String, NodeTuple> entries = yaml.mapping(node, "a match expression");
        for (String c : COMBINATORS) {
            if (entries.containsKey(c)) {
                return combinator(node, c, entries);
            }
        }
        return condition(node, entries);
    }

    private Match combinator(Node node, String key, Map<String, NodeTuple> entries) throws CheckFormatException {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!e.getKey().equals(key)) {
                throw yaml.at(e.getValue().getKeyNode()).error("'" + key + "' must stand alone in its mapping;"
                        + " put '" + e.getKey() + "' inside it");
            }
        }
        Node value = entries.get(key).getValueNode();
        if (key.equals("not")) {
            return new Match.Not(parse(value));
        }
        List<Node> items = yaml.sequence(value, "'" + key + "'");
        if (items.isEmpty()) {
            throw yaml.at(value).error("'" + key + "' needs at least one condition");
        }
        List<Match> out = new ArrayList<>();
        for (Node item : items) {
            out.add(parse(item));
        }
        return key.equals("all") ? new Match.All(out) : new Match.AnyOf(out);
    }

    private Match condition(Node node, Map<String, NodeTuple> entries) throws CheckFormatException {
        Node fieldNode = yaml.require(entries, node, "field", "a condition");
        FieldRef field = FieldRef.parse(yaml.string(fieldNode, "field"), yaml.at(fieldNode));
        NodeTuple op = null;
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            Node key = e.getValue().getKeyNode();
            if (e.getKey().equals("field")) {
                continue;
            } else if (!OPERATORS.contains(e.getKey())) {
                throw yaml.at(key).error("unknown operator '" + e.getKey() + "' (expected one of "
                        + String.join(", ", OPERATORS) + ", or all, any, not)");
            } else if (op != null) {
                throw yaml.at(key).error("one operator per condition; combine conditions with 'all'");
            }
            op = e.getValue();
        }
        if (op == null) {
            throw yaml.at(node).error("condition on field '" + field.name() + "' has no operator");
        }
        return operator(field, yaml.string(op.getKeyNode(), "operator"), op.getValueNode());
    }

    private Match operator(FieldRef field, String op, Node value) throws CheckFormatException {
        return switch (op) {
            case "equals" -> new Match.Equals(field, operand(value, Operand.SCALAR));
            case "not_equals" -> new Match.Not(new Match.Equals(field, operand(value, Operand.SCALAR)));
            case "in" -> new Match.In(field, (List<?>) operand(value, Operand.LIST));
            case "not_in" -> new Match.Not(new Match.In(field, (List<?>) operand(value, Operand.LIST)));
            case "regex" -> new Match.Regex(field, regex(value));
            case "not_regex" -> new Match.Not(new Match.Regex(field, regex(value)));
            case "glob" -> glob(field, value);
            case "exists" -> new Match.Exists(field, (Boolean) operand(value, Operand.BOOL));
            default -> new Match.Compare(field, Match.Comparison.valueOf(op.toUpperCase(Locale.ROOT)),
                    (BigDecimal) operand(value, Operand.NUMBER));
        };
    }

    private Pattern regex(Node value) throws CheckFormatException {
        String text = (String) operand(value, Operand.STRING);
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw yaml.at(value).error("bad regex '" + text + "': " + e.getDescription() + " near index " + e.getIndex());
        }
    }

    private Match glob(FieldRef field, Node value) throws CheckFormatException {
        String text = (String) operand(value, Operand.STRING);
        try {
            return new Match.Glob(field, text, PathGlob.compile(text));
        } catch (IllegalArgumentException e) {
            throw yaml.at(value).error("bad glob: " + e.getMessage());
        }
    }

    /** What an operator takes, and which parameter types can stand in for it. */
    private enum Operand {
        SCALAR("a single value", List.of(Parameter.Type.STRING, Parameter.Type.INT, Parameter.Type.BOOL)),
        LIST("a list", List.of(Parameter.Type.LIST)),
        STRING("a string", List.of(Parameter.Type.STRING)),
        NUMBER("a number", List.of(Parameter.Type.INT)),
        BOOL("true or false", List.of(Parameter.Type.BOOL));

        final String what;
        final List<Parameter.Type> params;

        Operand(String what, List<Parameter.Type> params) {
            this.what = what;
            this.params = params;
        }
    }

    private Object operand(Node value, Operand kind) throws CheckFormatException {
        Object v = isParamRef(value) ? param(value, kind) : literal(value, kind);
        return kind == Operand.NUMBER && !(v instanceof BigDecimal) ? Values.number(v) : v;
    }

    private Object literal(Node value, Operand kind) throws CheckFormatException {
        return switch (kind) {
            case SCALAR -> yaml.scalar(value, "the operand");
            case STRING -> yaml.string(value, "the operand");
            case BOOL -> yaml.bool(value, "the operand");
            case LIST -> {
                List<Object> out = new ArrayList<>();
                for (Node item : yaml.sequence(value, "the operand")) {
                    out.add(yaml.scalar(item, "each item of the operand"));
                }
                yield out;
            }
            case NUMBER -> {
                Object n = yaml.scalar(value, "the operand");
                if (!(n instanceof Long) && !(n instanceof Double)) {
                    throw yaml.at(value).error("the operand must be a number, not " + YamlNodes.describe(value));
                }
                yield Values.number(n);
            }
        };
    }

    private boolean isParamRef(Node value) throws CheckFormatException {
        return value.getNodeType() == NodeType.MAPPING
                && yaml.mapping(value, "a parameter reference").containsKey("param");
    }

    private Object param(Node value, Operand kind) throws CheckFormatException {
        Map<String, NodeTuple> ref = yaml.mapping(value, "a parameter reference");
        yaml.rejectUnknown(ref, List.of("param"), "a parameter reference");
        Node nameNode = ref.get("param").getValueNode();
        String name = yaml.string(nameNode, "param");
        Parameter p = params.get(name);
        if (p == null) {
            throw yaml.at(nameNode).error("unknown parameter '" + name + "' (declared: "
                    + (params.isEmpty() ? "none" : String.join(", ", params.keySet())) + ")");
        }
        if (!kind.params.contains(p.type())) {
            throw yaml.at(nameNode).error("parameter '" + name + "' is of type " + p.type().label()
                    + " but this operator needs " + kind.what);
        }
        return p.value();
    }
}
