package dev.ward.detect.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Broken check files: each must fail with one line naming the exact file:line:column. */
class CheckLoaderErrorTest {
    private static final String GOOD = TestRecords.check("{field: name, equals: sshd}");

    private static CheckFormatException fail(String text) {
        return assertThrows(CheckFormatException.class, () -> new CheckLoader().load("bad.yaml", text));
    }

    /** {@link #GOOD} with one piece of text replaced; the tests' positions refer to its lines. */
    private static String replaced(String needle, String replacement) {
        return GOOD.replace(needle, replacement);
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                Arguments.of("invalid YAML", replaced("title: Sample check", "title: [unclosed"),
                        "bad.yaml:4:12: invalid YAML: expected ',' or ']', but got :"),
                Arguments.of("tab indentation", replaced("  {field", "\t{field"),
                        "bad.yaml:9:1: invalid YAML: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"),
                Arguments.of("truncated file", GOOD.substring(0, GOOD.indexOf("{field: name, eq")),
                        "bad.yaml:8:7: a match expression must be a mapping, not an empty value"),
                Arguments.of("truncated mid-flow", GOOD.substring(0, GOOD.indexOf("equals: sshd")),
                        "bad.yaml:9:17: invalid YAML: expected the node content, but found '<stream end>'"),
                Arguments.of("empty file", "", "bad.yaml:1:1: empty file: expected a check"),
                Arguments.of("not a mapping", "- a\n- b\n", "bad.yaml:1:1: a check file must be a mapping, not a list"),
                Arguments.of("missing id", replaced("id: test.sample.check\n", ""),
                        "bad.yaml:1:1: missing required key 'id' in a check file"),
                Arguments.of("bad id", replaced("id: test.sample.check", "id: Test Check"),
                        "bad.yaml:2:5: id 'Test Check' must be dotted lower-case words, area first, like linux.accounts.uid0_non_root"),
                Arguments.of("unknown key", replaced("remediation: none", "remediaton: none"),
                        "bad.yaml:13:1: unknown key 'remediaton' in a check file (expected one of schema, id, title,"
                                + " description, severity, attack, references, source, requires, parameters, match, summary,"
                                + " paths, evidence, remediation)"),
                Arguments.of("duplicate key", replaced("title: Sample check", "title: a\ntitle: b"),
                        "bad.yaml:4:1: duplicate key 'title' in a check file"),
                Arguments.of("wrong schema", replaced("schema: 1", "schema: 2"),
                        "bad.yaml:1:9: unsupported schema version 2 (this ward reads 1)"),
                Arguments.of("schema as text", replaced("schema: 1", "schema: one"),
                        "bad.yaml:1:9: schema must be an integer, not the string 'one'"),
                Arguments.of("bad severity", replaced("severity: medium", "severity: severe"),
                        "bad.yaml:5:11: unknown severity 'severe' (expected info, low, medium, high or critical)"),
                Arguments.of("unknown fact", replaced("severity: medium", "severity: medium\nrequires: [rpm]"),
                        "bad.yaml:6:11: unknown fact 'rpm' in requires (known: dpkg)"),
                Arguments.of("title not text", replaced("title: Sample check", "title: [a]"),
                        "bad.yaml:3:8: title must be a string, not a list"));
    }

    static Stream<Arguments> brokenMatch() {
        return Stream.of(
                Arguments.of("unknown operator", replaced("equals: sshd", "equal: sshd"),
                        "bad.yaml:9:17: unknown operator 'equal' (expected one of equals, not_equals, in, not_in,"
                                + " regex, not_regex, gt, ge, lt, le, glob, exists, or all, any, not)"),
                Arguments.of("two operators", replaced("equals: sshd", "equals: sshd, regex: x"),
                        "bad.yaml:9:31: one operator per condition; combine conditions with 'all'"),
                Arguments.of("no operator", replaced(", equals: sshd", ""),
                        "bad.yaml:9:3: condition on field 'name' has no operator"),
                Arguments.of("bad regex", replaced("equals: sshd", "regex: 'a(b'"),
                        "bad.yaml:9:24: bad regex 'a(b': Unclosed group near index 3"),
                Arguments.of("bad glob", replaced("equals: sshd", "glob: '/tmp/[ab'"),
                        "bad.yaml:9:23: bad glob: unclosed '[' at offset 5 in glob '/tmp/[ab'"),
                Arguments.of("number expected", replaced("equals: sshd", "gt: big"),
                        "bad.yaml:9:21: the operand must be a number, not the string 'big'"),
                Arguments.of("list expected", replaced("equals: sshd", "in: sshd"),
                        "bad.yaml:9:21: the operand must be a list, not the string 'sshd'"),
                Arguments.of("unknown parameter", replaced("equals: sshd", "equals: {param: nope}"),
                        "bad.yaml:9:33: unknown parameter 'nope' (declared: none)"),
                Arguments.of("bad template", replaced("{name} at {path}", "{name at"),
                        "bad.yaml:10:10: unclosed '{' in template: {name at"),
                Arguments.of("combinator not alone", replaced("{field: name, equals: sshd}",
                                "{all: [{field: name, exists: true}], field: name}"),
                        "bad.yaml:9:40: 'all' must stand alone in its mapping; put 'field' inside it"),
                Arguments.of("empty all", replaced("{field: name, equals: sshd}", "{all: []}"),
                        "bad.yaml:9:9: 'all' needs at least one condition"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"broken", "brokenMatch"})
    void failsAtTheSpot(String name, String text, String expected) {
        assertEquals(expected, fail(text).getMessage());
    }

    @Test
    void binaryGarbageIsRefusedAtTheFirstBadByte() {
        byte[] bytes = "schema: 1\nid: a.b\n\u0000\u0001\u0002junk".getBytes(StandardCharsets.UTF_8);
        CheckFormatException e = assertThrows(CheckFormatException.class,
                () -> new CheckLoader().load("bin.yaml", bytes));
        assertEquals("bin.yaml:3:1: control character U+0000 is not allowed", e.getMessage());
    }

    @Test
    void invalidUtf8IsRefusedWithItsLine() {
        byte[] bytes = {'s', 'c', 'h', 'e', 'm', 'a', ':', ' ', '1', '\n', 'i', 'd', ':', ' ', (byte) 0xff, 'x'};
        CheckFormatException e = assertThrows(CheckFormatException.class,
                () -> new CheckLoader().load("latin.yaml", bytes));
        assertEquals("latin.yaml:2:5: not UTF-8 text (byte 0xff)", e.getMessage());
        assertEquals(2, e.line());
        assertEquals(5, e.column());
    }

    @Test
    void deepNestingIsRefusedBeforeItCanOverflowTheStack() {
        String deep = "schema: 1\nid: a.b\nmatch: " + "[".repeat(100_000) + "\n";
        assertEquals("deep.yaml:3:71: nested deeper than 64 levels",
                assertThrows(CheckFormatException.class, () -> new CheckLoader().load("deep.yaml", deep)).getMessage());
    }

    @Test
    void aliasesAreRefused() {
        String text = replaced("{field: name, equals: sshd}", "&c {field: name, equals: sshd}")
                .replace("evidence: [name, size]", "evidence: *c");
        assertEquals("bad.yaml:12:11: aliases (*name) are not allowed in check files", fail(text).getMessage());
    }

    @Test
    void parameterDefaultMustHaveItsType() {
        CheckFormatException e = fail(TestRecords.check("  n: {type: int, default: many}", "{field: size, gt: {param: n}}"));
        assertEquals("bad.yaml:8:27: the default must be an integer, not the string 'many'", e.getMessage());
    }

    @Test
    void parameterTypeMustSuitTheOperator() {
        CheckFormatException e = fail(TestRecords.check("  n: {type: list, default: []}", "{field: size, gt: {param: n}}"));
        assertEquals("bad.yaml:10:29: parameter 'n' is of type list but this operator needs a number", e.getMessage());
    }

    @Test
    void overrideOfTheWrongTypeNamesTheDeclaration() {
        String text = TestRecords.check("  n: {type: int, default: 1}", "{field: size, gt: {param: n}}");
        CheckLoader loader = new CheckLoader(Map.of("test.sample.check", Map.of("n", "lots")));
        CheckFormatException e = assertThrows(CheckFormatException.class, () -> loader.load("o.yaml", text));
        assertEquals("o.yaml:8:3: override for parameter 'n' must be of type int, not String", e.getMessage());
    }

    @Test
    void overrideOfAnUnknownParameterNamesTheCheck() {
        CheckLoader loader = new CheckLoader(Map.of("test.sample.check", Map.of("nope", 1)));
        CheckFormatException e = assertThrows(CheckFormatException.class, () -> loader.load("o.yaml", GOOD));
        assertEquals("o.yaml:2:5: override for unknown parameter 'nope'", e.getMessage());
    }

    @Test
    void unknownFieldIsReportedAtValidation() throws CheckFormatException {
        Check check = new CheckLoader().load("f.yaml", replaced("field: name", "field: nmae"));
        CheckFormatException e = assertThrows(CheckFormatException.class,
                () -> check.validate(TestRecords.Sample.class));
        assertEquals("f.yaml:9:11: unknown field 'nmae' for records of type Sample (fields: name, size, ratio,"
                + " executable, path, kind, mtime, tags, env, owner, empty, missing)", e.getMessage());
    }

    @Test
    void fieldsInsideNestedRecordsAreValidated() throws CheckFormatException {
        Check check = new CheckLoader().load("f.yaml", replaced("field: name", "field: owner.nam"));
        CheckFormatException e = assertThrows(CheckFormatException.class,
                () -> check.validate(TestRecords.Sample.class));
        assertEquals("f.yaml:9:11: unknown field 'owner.nam' for records of type Owner (fields: name, uid)", e.getMessage());
    }

    @Test
    void fieldsCannotReachIntoScalarsOrLists() throws CheckFormatException {
        for (var bad : List.of(
                List.of("name.first", "field 'name' is a String and has no field 'first'"),
                List.of("tags.first", "field 'tags' is a list; fields of its elements cannot be named"))) {
            Check check = new CheckLoader().load("f.yaml", replaced("field: name", "field: " + bad.get(0)));
            CheckFormatException e = assertThrows(CheckFormatException.class,
                    () -> check.validate(TestRecords.Sample.class));
            assertEquals("f.yaml:9:11: " + bad.get(1), e.getMessage());
        }
    }

    @Test
    void templateAndEvidenceFieldsAreValidated() throws CheckFormatException {
        Check check = new CheckLoader().load("f.yaml", replaced("evidence: [name, size]", "evidence: [name, sizes]"));
        CheckFormatException e = assertThrows(CheckFormatException.class,
                () -> check.validate(TestRecords.Sample.class));
        assertEquals(12, e.line());
        assertEquals(18, e.column());
    }
}
