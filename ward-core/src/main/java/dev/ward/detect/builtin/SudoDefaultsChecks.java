package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.SudoDefault;
import java.util.List;

/**
 * sudoers Defaults that weaken sudo for everyone they bind: {@code !authenticate} (no password for
 * any rule: high) and an {@code env_keep} of LD_PRELOAD or LD_LIBRARY_PATH (any permitted command
 * then loads the caller's library as root: medium).
 */
final class SudoDefaultsChecks {
    static final String NO_AUTH = "linux.sudo.defaults_no_authenticate";
    static final String ENV_KEEP = "linux.sudo.defaults_env_keep_loader";

    private SudoDefaultsChecks() {
    }

    static void check(Scan scan, List<SudoDefault> defaults, Results out) {
        for (SudoDefault d : defaults) {
            if (d.name().equals("authenticate") && d.negated()) {
                out.add(finding(d, NO_AUTH, Severity.HIGH, "sudo Defaults turn off authentication",
                        "Remove !authenticate; sudo then asks for passwords again."));
            } else if (d.name().equals("env_keep") && !d.operator().equals("-=") && !d.negated()
                    && (d.value().contains("LD_PRELOAD") || d.value().contains("LD_LIBRARY_PATH"))) {
                out.add(finding(d, ENV_KEEP, Severity.MEDIUM, "sudo keeps the dynamic loader's variables",
                        "Remove LD_PRELOAD and LD_LIBRARY_PATH from env_keep."));
            }
        }
    }

    private static Finding finding(SudoDefault d, String check, Severity sev, String title, String fix) {
        return Finding.builder(check, sev, title)
                .summary(d.path() + " line " + d.line() + ": " + d.text())
                .evidence("path", d.path())
                .evidence("line", d.line())
                .evidence("text", d.text())
                .evidence("binding", d.binding().isEmpty() ? "(global)" : d.binding())
                .path(d.path())
                .attack("T1548.003")
                .remediation(fix)
                .build();
    }
}
