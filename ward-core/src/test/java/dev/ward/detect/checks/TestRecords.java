package dev.ward.detect.checks;

import dev.ward.host.HostPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Records shaped like the sources the built-in checks run over, plus one with every value kind. */
final class TestRecords {
    private TestRecords() {
    }

    /** An /etc/passwd line, as the accounts source will produce it. */
    record Account(String name, long uid, long gid, HostPath home, HostPath shell, HostPath path, int line) {
        static Account of(String name, long uid) {
            return new Account(name, uid, uid, HostPath.of("/home/" + name), HostPath.of("/bin/sh"),
                    HostPath.of("/etc/passwd"), 7);
        }
    }

    /** A sudoers rule, as the sudoers source will produce it. */
    record SudoRule(HostPath path, int line, String principal, String runas, boolean nopasswd,
            List<String> commands, String text) {
    }

    enum Kind { REGULAR_FILE, SYMLINK }

    record Owner(String name, long uid) {
    }

    /** One of each kind of value the engine must handle. */
    record Sample(String name, long size, double ratio, boolean executable, HostPath path, Kind kind,
            Instant mtime, List<String> tags, Map<String, String> env, Owner owner, String empty,
            String missing) {
        static Sample typical() {
            return new Sample("sshd", 4096, 0.5, true, HostPath.of("/usr/sbin/sshd"), Kind.REGULAR_FILE,
                    Instant.parse("2024-03-01T12:00:00Z"), List.of("daemon", "network"),
                    Map.of("LD_PRELOAD", "/tmp/x.so"), new Owner("root", 0), "", null);
        }
    }

    /** A complete schema-1 check over source {@code sample} with the given match block. */
    static String check(String match) {
        return check("", match);
    }

    /** As {@link #check(String)}, with a {@code parameters:} block (indented by two spaces). */
    static String check(String parameters, String match) {
        return """
                schema: 1
                id: test.sample.check
                title: Sample check
                description: for tests
                severity: medium
                source: sample
                %s
                match:
                %s
                summary: "{name} at {path}"
                paths: [path]
                evidence: [name, size]
                remediation: none
                """.formatted(parameters.isEmpty() ? "" : "parameters:\n" + parameters.stripTrailing(),
                match.stripTrailing().indent(2).stripTrailing());
    }
}
