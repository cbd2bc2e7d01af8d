package dev.ward.detect.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ward.host.HostPath;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Findings built from matches: summary, evidence in JSON shape, paths, and the run loop. */
class CheckRunnerTest {
    private static final String EVIDENCE_CHECK = TestRecords.check("{field: name, exists: true}")
            .replace("evidence: [name, size]", "evidence: [path, kind, mtime, size, ratio, executable, tags, env, owner, missing]")
            .replace("\"{name} at {path}\"", "\"{{{name}}} {tags} {missing} {owner.name}\"");

    @Test
    void evidenceIsJsonShaped() throws Exception {
        Check check = new CheckLoader().load("e.yaml", EVIDENCE_CHECK);
        Finding f = CheckRunner.evaluate(check, TestRecords.Sample.typical()).orElseThrow();
        assertEquals("{\"path\":\"/usr/sbin/sshd\",\"kind\":\"regular_file\",\"mtime\":\"2024-03-01T12:00:00Z\","
                + "\"size\":4096,\"ratio\":0.5,\"executable\":true,\"tags\":[\"daemon\",\"network\"],"
                + "\"env\":{\"LD_PRELOAD\":\"/tmp/x.so\"},\"owner\":{\"name\":\"root\",\"uid\":0}}",
                new ObjectMapper().writeValueAsString(f.evidence()));
        assertEquals(List.of("/usr/sbin/sshd"), f.paths());
    }

    @Test
    void summaryFillsFieldsEscapesBracesAndMarksNulls() throws CheckFormatException {
        Check check = new CheckLoader().load("e.yaml", EVIDENCE_CHECK);
        Finding f = CheckRunner.evaluate(check, TestRecords.Sample.typical()).orElseThrow();
        assertEquals("{sshd} daemon, network - root", f.summary());
    }

    @Test
    void uid0AccountOtherThanRootIsReported() throws Exception {
        Check check = CheckCatalog.builtin().byId("linux.accounts.uid0_non_root").orElseThrow();
        Finding f = CheckRunner.evaluate(check, TestRecords.Account.of("toor", 0)).orElseThrow();
        assertEquals(Severity.CRITICAL, f.severity());
        assertEquals("Account other than root with uid 0", f.title());
        assertEquals("Account toor has uid 0 (/etc/passwd:7)", f.summary());
        assertEquals(List.of("/etc/passwd"), f.paths());
        assertEquals(List.of("T1136.001", "T1078.003"), f.attack());
        assertEquals(Map.of("name", "toor", "uid", 0L, "gid", 0L, "home", "/home/toor", "shell", "/bin/sh",
                "line", 7), f.evidence());
        assertTrue(f.remediation().startsWith("Lock the account"));
        assertEquals(Optional.empty(), CheckRunner.evaluate(check, TestRecords.Account.of("root", 0)));
        assertEquals(Optional.empty(), CheckRunner.evaluate(check, TestRecords.Account.of("daemon", 1)));
    }

    @Test
    void overriddenParameterChangesTheMatch() throws Exception {
        CheckCatalog catalog = CheckCatalog.load(List.of(),
                Map.of("linux.accounts.uid0_non_root", Map.of("allowed", List.of("root", "toor"))));
        Check check = catalog.byId("linux.accounts.uid0_non_root").orElseThrow();
        assertEquals(List.of("root", "toor"), check.parameters().get("allowed").value());
        assertEquals(Optional.empty(), CheckRunner.evaluate(check, TestRecords.Account.of("toor", 0)));
        assertTrue(CheckRunner.evaluate(check, TestRecords.Account.of("admin", 0)).isPresent());
    }

    @Test
    void sudoRuleOnANonUtf8PathKeepsTheEscapedName() throws Exception {
        HostPath path = HostPath.ofBytes(new byte[] {'/', 'e', 't', 'c', '/', 's', 'u', 'd', 'o', 'e', 'r', 's', '.',
                'd', '/', (byte) 0xff, '\n', 'x'});
        Check check = CheckCatalog.builtin().byId("linux.sudo.nopasswd_all").orElseThrow();
        var rule = new TestRecords.SudoRule(path, 3, "mallory", "ALL", true, List.of("/bin/ls", "ALL"),
                "mallory ALL=(ALL) NOPASSWD: /bin/ls, ALL");
        Finding f = CheckRunner.evaluate(check, rule).orElseThrow();
        assertEquals(List.of("/etc/sudoers.d/\\xff\\nx"), f.paths());
        assertEquals("mallory may run any command as ALL without a password (/etc/sudoers.d/\\xff\\nx:3)", f.summary());
        assertEquals(List.of("/bin/ls", "ALL"), f.evidence().get("commands"));
        assertEquals(Optional.empty(), CheckRunner.evaluate(check,
                new TestRecords.SudoRule(path, 3, "mallory", "ALL", false, List.of("ALL"), "")));
        assertEquals(Optional.empty(), CheckRunner.evaluate(check,
                new TestRecords.SudoRule(path, 3, "mallory", "ALL", true, List.of("/usr/bin/apt"), "")));
    }

    @Test
    void nonUtf8PathsMatchByTheirDisplayForm() throws CheckFormatException {
        HostPath path = HostPath.ofBytes(new byte[] {'/', 't', 'm', 'p', '/', (byte) 0xc3, '(', '.', 's', 'o'});
        var sample = new TestRecords.Sample("x", 1, 0, false, path, TestRecords.Kind.SYMLINK, null, List.of(),
                Map.of(), null, "", null);
        for (String condition : List.of("{field: path, glob: '/tmp/*.so'}", "{field: path, glob: '/tmp/\\xc3(*'}",
                "{field: path, equals: '/tmp/\\xc3(.so'}", "{field: path, regex: '\\\\xc3'}")) {
            Check check = new CheckLoader().load("p.yaml", TestRecords.check(condition));
            assertTrue(check.matches(sample), condition);
        }
    }

    /** A record whose accessor fails, as a lazily computed component might. */
    record Broken(String name) {
        @Override
        public String name() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void runCollectsFindingsAndTurnsAFailingCheckIntoOneError() throws CheckFormatException {
        Check check = new CheckLoader().load("r.yaml", TestRecords.check("{field: name, equals: sshd}")
                .replace("[path]", "[]").replace("{path}", "x").replace("[name, size]", "[name]"));
        var ok = CheckRunner.run(List.of(check), List.of(TestRecords.Sample.typical(), TestRecords.Sample.typical()));
        assertEquals(2, ok.findings().size());
        assertEquals(List.of(), ok.errors());
        var failed = CheckRunner.run(List.of(check), List.of(new Broken("a"), new Broken("b")));
        assertEquals(List.of(), failed.findings());
        assertEquals(1, failed.errors().size());
        assertEquals("test.sample.check: check failed on a Broken record: reading Broken.name failed: boom", failed.errors().getFirst().toString());
    }
}
