package dev.ward.detect.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operator and combinator, each way, over {@link TestRecords.Sample#typical()}. */
class MatchOperatorTest {

    static Stream<Arguments> equality() {
        return Stream.of(
                Arguments.of("{field: name, equals: sshd}", true),
                Arguments.of("{field: name, equals: ssh}", false),
                Arguments.of("{field: size, equals: 4096}", true),
                Arguments.of("{field: size, equals: \"4096\"}", true),
                Arguments.of("{field: size, equals: 4096.0}", true),
                Arguments.of("{field: ratio, equals: 0.5}", true),
                Arguments.of("{field: executable, equals: true}", true),
                Arguments.of("{field: executable, equals: false}", false),
                Arguments.of("{field: path, equals: /usr/sbin/sshd}", true),
                Arguments.of("{field: kind, equals: regular_file}", true),
                Arguments.of("{field: mtime, equals: \"2024-03-01T12:00:00Z\"}", true),
                Arguments.of("{field: tags, equals: network}", true),
                Arguments.of("{field: tags, equals: cron}", false),
                Arguments.of("{field: missing, equals: x}", false),
                Arguments.of("{field: name, not_equals: ssh}", true),
                Arguments.of("{field: name, not_equals: sshd}", false),
                Arguments.of("{field: missing, not_equals: x}", true),
                Arguments.of("{field: tags, not_equals: daemon}", false),
                Arguments.of("{field: name, in: [cron, sshd]}", true),
                Arguments.of("{field: name, in: [cron]}", false),
                Arguments.of("{field: size, in: [1, 4096]}", true),
                Arguments.of("{field: tags, in: [cron, daemon]}", true),
                Arguments.of("{field: name, not_in: [cron]}", true),
                Arguments.of("{field: name, not_in: [sshd]}", false));
    }

    static Stream<Arguments> patternsAndNumbers() {
        return Stream.of(
                Arguments.of("{field: name, regex: 'ss'}", true),
                Arguments.of("{field: name, regex: '^ss$'}", false),
                Arguments.of("{field: path, regex: '/s?bin/'}", true),
                Arguments.of("{field: tags, regex: '^net'}", true),
                Arguments.of("{field: missing, regex: '.*'}", false),
                Arguments.of("{field: name, not_regex: '^x'}", true),
                Arguments.of("{field: name, not_regex: 'sh'}", false),
                Arguments.of("{field: size, gt: 4095}", true),
                Arguments.of("{field: size, gt: 4096}", false),
                Arguments.of("{field: size, ge: 4096}", true),
                Arguments.of("{field: size, lt: 4096}", false),
                Arguments.of("{field: size, le: 4096}", true),
                Arguments.of("{field: ratio, lt: 0.75}", true),
                Arguments.of("{field: mtime, ge: 1709294400}", true),
                Arguments.of("{field: mtime, gt: 1709294400}", false),
                Arguments.of("{field: name, gt: 1}", false),
                Arguments.of("{field: path, glob: /usr/*/sshd}", true),
                Arguments.of("{field: path, glob: /*/sshd}", false),
                Arguments.of("{field: path, glob: /**/sshd}", true),
                Arguments.of("{field: path, glob: /usr/**}", true),
                Arguments.of("{field: path, glob: /usr/sbin/**/sshd}", true),
                Arguments.of("{field: path, glob: /usr/sbin/**/sbin/sshd}", false),
                Arguments.of("{field: path, glob: '/usr/sbin/[*]'}", false),
                Arguments.of("{field: path, glob: /usr/sbin/ss?d}", true),
                Arguments.of("{field: path, glob: '/usr/[rs]bin/*'}", true),
                Arguments.of("{field: path, glob: '/usr/[!s]bin/*'}", false),
                Arguments.of("{field: tags, glob: 'd*'}", true));
    }

    static Stream<Arguments> presenceNestingAndCombinators() {
        return Stream.of(
                Arguments.of("{field: name, exists: true}", true),
                Arguments.of("{field: empty, exists: true}", false),
                Arguments.of("{field: empty, exists: false}", true),
                Arguments.of("{field: missing, exists: false}", true),
                Arguments.of("{field: tags, exists: true}", true),
                Arguments.of("{field: owner.name, equals: root}", true),
                Arguments.of("{field: owner.uid, le: 0}", true),
                Arguments.of("{field: env.LD_PRELOAD, glob: /tmp/*}", true),
                Arguments.of("{field: env.PATH, exists: false}", true),
                Arguments.of("all: [{field: name, equals: sshd}, {field: size, gt: 1}]", true),
                Arguments.of("all: [{field: name, equals: sshd}, {field: size, gt: 5000}]", false),
                Arguments.of("any: [{field: name, equals: cron}, {field: size, gt: 1}]", true),
                Arguments.of("any: [{field: name, equals: cron}, {field: size, gt: 5000}]", false),
                Arguments.of("not: {field: name, equals: sshd}", false),
                Arguments.of("not: {any: [{field: name, equals: cron}, {not: {field: size, gt: 1}}]}", true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource({"equality", "patternsAndNumbers", "presenceNestingAndCombinators"})
    void evaluates(String condition, boolean expected) throws CheckFormatException {
        Check check = new CheckLoader().load("t.yaml", TestRecords.check(condition));
        check.validate(TestRecords.Sample.class);
        assertEquals(expected, check.matches(TestRecords.Sample.typical()));
    }

    static Stream<Arguments> parameterised() {
        return Stream.of(
                Arguments.of("  n: {type: int, default: 4096}", "{field: size, equals: {param: n}}", true),
                Arguments.of("  n: {type: int, default: 100}", "{field: size, gt: {param: n}}", true),
                Arguments.of("  s: {type: string, default: '^ssh'}", "{field: name, regex: {param: s}}", true),
                Arguments.of("  s: {type: string, default: '/usr/**'}", "{field: path, glob: {param: s}}", true),
                Arguments.of("  b: {type: bool, default: false}", "{field: missing, exists: {param: b}}", true),
                Arguments.of("  l: {type: list, default: [cron]}", "{field: name, not_in: {param: l}}", true),
                Arguments.of("  l: {type: list, default: []}", "{field: name, in: {param: l}}", false));
    }

    @Test
    void overridesGivenAsTextAreReadInTheParameterType() throws CheckFormatException {
        String text = TestRecords.check("  n: {type: int, default: 100}\n  on: {type: bool, default: true}",
                "all: [{field: size, gt: {param: n}}, {field: executable, equals: {param: on}}]");
        assertTrue(new CheckLoader().load("t.yaml", text).matches(TestRecords.Sample.typical()));
        Check check = new CheckLoader(Map.of("test.sample.check", Map.of("n", "5000", "on", "false"))).load("t.yaml", text);
        assertEquals(5000L, check.parameters().get("n").value());
        assertFalse(check.matches(TestRecords.Sample.typical()));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("parameterised")
    void usesParameterValues(String params, String condition, boolean expected) throws CheckFormatException {
        Check check = new CheckLoader().load("t.yaml", TestRecords.check(params, condition));
        assertEquals(expected, check.matches(TestRecords.Sample.typical()));
    }
}
