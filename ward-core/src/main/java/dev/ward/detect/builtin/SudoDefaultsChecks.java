package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.SudoDefault;
import dev.ward.model.SudoRule;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * sudoers settings that weaken sudo for everyone they bind:
 * <ul>
 * <li>{@code !authenticate}: no password for any rule (high);</li>
 * <li>{@code !env_reset}: the caller's whole environment reaches the command (high);</li>
 * <li>an {@code env_keep} of a variable that makes a program load code (LD_PRELOAD,
 *     LD_LIBRARY_PATH, LD_AUDIT, PYTHONPATH, PERL5LIB, PERLLIB, RUBYLIB, BASH_ENV): any permitted
 *     command then runs the caller's code as root (medium);</li>
 * <li>{@code setenv}, or the SETENV tag on a rule: the caller may pass LD_PRELOAD on the command
 *     line (medium; high for a SETENV rule that allows ALL);</li>
 * <li>{@code !syslog} or {@code logfile=/dev/null}: sudo use leaves no trace (medium);</li>
 * <li>a negative {@code timestamp_timeout}: one password lasts until reboot (medium).</li>
 * </ul>
 * Debian's stock Defaults (env_reset, mail_badpass, secure_path, use_pty) match none of these.
 */
final class SudoDefaultsChecks {
    static final String NO_AUTH = "linux.sudo.defaults_no_authenticate";
    static final String NO_ENV_RESET = "linux.sudo.defaults_no_env_reset";
    static final String ENV_KEEP = "linux.sudo.defaults_env_keep_loader";
    static final String SETENV = "linux.sudo.setenv";
    static final String NO_LOG = "linux.sudo.defaults_no_log";
    static final String TIMESTAMP = "linux.sudo.defaults_timestamp_forever";
    private static final Set<String> CODE_VARIABLES = Set.of("LD_PRELOAD", "LD_LIBRARY_PATH", "LD_AUDIT",
            "PYTHONPATH", "PERL5LIB", "PERLLIB", "RUBYLIB", "BASH_ENV");

    /** One Defaults check: which settings it matches and what it reports. */
    private record Check(String id, Severity severity, String title, String fix, Predicate<SudoDefault> test) {
    }

    private static final List<Check> CHECKS = List.of(
            new Check(NO_AUTH, Severity.HIGH, "sudo Defaults turn off authentication",
                    "Remove !authenticate; sudo then asks for passwords again.",
                    d -> flag(d, "authenticate", false)),
            new Check(NO_ENV_RESET, Severity.HIGH, "sudo Defaults keep the caller's whole environment",
                    "Remove !env_reset; with it any variable that loads code reaches the command.",
                    d -> flag(d, "env_reset", false)),
            new Check(ENV_KEEP, Severity.MEDIUM, "sudo keeps variables that make programs load code",
                    "Remove these variables from env_keep: each lets the caller run code in the command.",
                    SudoDefaultsChecks::keepsCodeVariable),
            new Check(SETENV, Severity.MEDIUM, "sudo lets callers set any environment variable",
                    "Remove setenv: with it the caller may pass LD_PRELOAD to the command.",
                    d -> flag(d, "setenv", true)),
            new Check(NO_LOG, Severity.MEDIUM, "sudo Defaults hide sudo use from the logs",
                    "Restore syslog logging and remove logfile=/dev/null; read what other logs kept.",
                    d -> flag(d, "syslog", false) || (d.name().equals("logfile") && d.value().equals("/dev/null"))),
            new Check(TIMESTAMP, Severity.MEDIUM, "sudo remembers a password until reboot",
                    "Remove the negative timestamp_timeout; sudo's default is 15 minutes.",
                    d -> d.name().equals("timestamp_timeout") && d.value().strip().startsWith("-")));

    private SudoDefaultsChecks() {
    }

    static void check(Scan scan, List<SudoDefault> defaults, Results out) {
        for (SudoDefault d : defaults) {
            for (Check c : CHECKS) {
                if (c.test().test(d)) {
                    out.add(finding(d, c));
                }
            }
        }
    }

    /** A flag set ({@code name}) or cleared ({@code !name}). */
    private static boolean flag(SudoDefault d, String name, boolean set) {
        return d.name().equals(name) && d.operator().isEmpty() && d.negated() != set;
    }

    private static boolean keepsCodeVariable(SudoDefault d) {
        return d.name().equals("env_keep") && !d.operator().equals("-=") && !d.negated()
                && List.of(d.value().split("[ \t]+")).stream().anyMatch(CODE_VARIABLES::contains);
    }

    /** Rules tagged SETENV, one finding per rule line; high when the rule allows ALL. */
    static void setenvRules(List<SudoRule> rules, Results out) {
        rules.stream().filter(SudoRule::setenv).map(r -> r.path() + "\0" + r.line()).distinct().forEach(key -> {
            List<SudoRule> same = rules.stream().filter(r -> r.setenv() && key.equals(r.path() + "\0" + r.line()))
                    .toList();
            SudoRule r = same.get(0);
            boolean all = same.stream().anyMatch(x -> x.commands().contains("ALL"));
            out.add(Finding.builder(SETENV, all ? Severity.HIGH : Severity.MEDIUM,
                            "sudo rule lets its caller set any environment variable")
                    .summary(r.path() + " line " + r.line() + ": " + r.text())
                    .evidence("path", r.path())
                    .evidence("line", r.line())
                    .evidence("text", r.text())
                    .evidence("principals", same.stream().map(SudoRule::principal).distinct().toList())
                    .path(r.path())
                    .attack("T1548.003", "T1574.006")
                    .remediation("Remove the SETENV tag: with it the caller may pass LD_PRELOAD to the command.")
                    .build());
        });
    }

    private static Finding finding(SudoDefault d, Check c) {
        return Finding.builder(c.id(), c.severity(), c.title())
                .summary(d.path() + " line " + d.line() + ": " + d.text())
                .evidence("path", d.path())
                .evidence("line", d.line())
                .evidence("text", d.text())
                .evidence("binding", d.binding().isEmpty() ? "(global)" : d.binding())
                .path(d.path())
                .attack("T1548.003")
                .remediation(c.fix())
                .build();
    }
}
