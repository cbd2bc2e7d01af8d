package dev.ward.detect.checks;

import dev.ward.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * Reads one check file (schema 1, one check per file) into a {@link Check}. Every problem is a
 * {@link CheckFormatException} at the line and column it concerns: YAML syntax, unknown keys,
 * missing keys, wrong types, unknown operators, bad regexes. Field names are checked against a
 * record class later, by {@link Check#validate}, because the loader does not know the sources.
 *
 * <p>Parameter overrides are given per check id and parameter name; they replace the declared
 * defaults before the match expression is built. A loader is immutable and thread-safe.
 */
public final class CheckLoader {
    private static final List<String> KEYS = List.of("schema", "id", "title", "description", "severity", "attack",
            "references", "source", "requires", "parameters", "match", "summary", "paths", "evidence", "remediation");
    /** Facts about the root a check may depend on; see {@link Check#requires()}. */
    static final List<String> FACTS = List.of("dpkg");

    private final Map<String, Map<String, Object>> overrides;

    public CheckLoader() {
        this(Map.of());
    }

    /** @param overrides parameter values by check id, then by parameter name */
    public CheckLoader(Map<String, Map<String, Object>> overrides) {
        this.overrides = Map.copyOf(overrides);
    }

    public Check load(String file, InputStream in) throws CheckFormatException, IOException {
        return load(file, in.readNBytes(SourceText.MAX_BYTES + 1));
    }

    public Check load(String file, byte[] bytes) throws CheckFormatException {
        return load(file, SourceText.decode(file, bytes));
    }

    public Check load(String file, String text) throws CheckFormatException {
        SourceText.checkCharacters(file, text);
        Node root = YamlDocument.compose(file, text)
                .orElseThrow(() -> new Position(file, 1, 1).error("empty file: expected a check"));
        return read(new YamlNodes(file), root);
    }

    private Check read(YamlNodes yaml, Node root) throws CheckFormatException {
        Map<String, NodeTuple> top = yaml.mapping(root, "a check file");
        Node schema = yaml.require(top, root, "schema", "a check file");
        long version = yaml.integer(schema, "schema");
        if (version != Check.SCHEMA) {
            throw yaml.at(schema).error("unsupported schema version " + version + " (this ward reads " + Check.SCHEMA + ")");
        }
        yaml.rejectUnknown(top, KEYS, "a check file");
        Node idNode = yaml.require(top, root, "id", "a check file");
        String id = yaml.string(idNode, "id");
        if (!id.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+")) {
            throw yaml.at(idNode).error("id '" + id + "' must be dotted lower-case words, area first,"
                    + " like linux.accounts.uid0_non_root");
        }
        Map<String, Parameter> params = new ParameterReader(yaml).read(top.get("parameters"),
                overrides.getOrDefault(id, Map.of()), yaml.at(idNode));
        Match match = new MatchParser(yaml, params).parse(yaml.require(top, root, "match", "a check file"));
        String title = yaml.string(yaml.require(top, root, "title", "a check file"), "title");
        Node summary = top.containsKey("summary") ? top.get("summary").getValueNode() : null;
        return new Check(id, title,
                yaml.string(yaml.require(top, root, "description", "a check file"), "description"),
                severity(yaml, yaml.require(top, root, "severity", "a check file")),
                attack(yaml, top.get("attack")),
                top.containsKey("references") ? yaml.strings(top.get("references").getValueNode(), "references") : List.of(),
                source(yaml, yaml.require(top, root, "source", "a check file")),
                requires(yaml, top.get("requires")),
                params, match,
                summary == null ? new Template(title, List.of(new Template.Text(title)))
                        : Template.parse(yaml.string(summary, "summary"), yaml.at(summary)),
                fields(yaml, top.get("paths"), "paths"),
                fields(yaml, top.get("evidence"), "evidence"),
                yaml.string(yaml.require(top, root, "remediation", "a check file"), "remediation"),
                yaml.at(idNode));
    }

    private static List<String> requires(YamlNodes yaml, NodeTuple tuple) throws CheckFormatException {
        if (tuple == null) {
            return List.of();
        }
        List<String> facts = yaml.strings(tuple.getValueNode(), "requires");
        for (String f : facts) {
            if (!FACTS.contains(f)) {
                throw yaml.at(tuple.getValueNode()).error("unknown fact '" + f + "' in requires (known: " + String.join(", ", FACTS) + ")");
            }
        }
        return facts;
    }

    private static Severity severity(YamlNodes yaml, Node node) throws CheckFormatException {
        String text = yaml.string(node, "severity");
        try {
            return Severity.parse(text);
        } catch (IllegalArgumentException e) {
            throw yaml.at(node).error(e.getMessage());
        }
    }

    private static List<String> attack(YamlNodes yaml, NodeTuple entry) throws CheckFormatException {
        if (entry == null) {
            return List.of();
        }
        List<String> ids = yaml.strings(entry.getValueNode(), "attack");
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).matches("T[0-9]{4}(\\.[0-9]{3})?")) {
                Node item = yaml.sequence(entry.getValueNode(), "attack").get(i);
                throw yaml.at(item).error("'" + ids.get(i) + "' is not an ATT&CK technique id like T1136.001");
            }
        }
        return ids;
    }

    private static String source(YamlNodes yaml, Node node) throws CheckFormatException {
        String source = yaml.string(node, "source");
        if (!source.matches("[a-z][a-z0-9_]*")) {
            throw yaml.at(node).error("source '" + source + "' must be a lower-case name like accounts");
        }
        return source;
    }

    private static List<FieldRef> fields(YamlNodes yaml, NodeTuple entry, String what) throws CheckFormatException {
        if (entry == null) {
            return List.of();
        }
        List<FieldRef> out = new ArrayList<>();
        for (Node item : yaml.sequence(entry.getValueNode(), what)) {
            out.add(FieldRef.parse(yaml.string(item, "each item of " + what), yaml.at(item)));
        }
        return out;
    }
}
