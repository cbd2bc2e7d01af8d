package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.ssh.SshdConfig;
import dev.ward.collect.ssh.SshdDirective;
import dev.ward.detect.Results;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.model.AccountEntry;
import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * sshd_config settings that open other ways in than an authorized_keys line:
 * <ul>
 * <li>{@code linux.ssh.permit_user_environment} (medium): a {@code PermitUserEnvironment} other
 *     than no lets {@code ~/.ssh/environment} (and {@code environment=} key options) set
 *     LD_PRELOAD for sshd's session; the environment files found are listed;</li>
 * <li>{@code linux.ssh.authorized_principals_command} (medium): a program decides which
 *     certificate principals may log in, as AuthorizedKeysCommand decides keys;</li>
 * <li>{@code linux.ssh.trusted_user_ca} (info): any certificate this CA signed logs in; an
 *     inventory, since the CA key is as good as every key it signs.</li>
 * </ul>
 */
final class SshdOptionChecks {
    static final String USER_ENVIRONMENT = "linux.ssh.permit_user_environment";
    static final String PRINCIPALS_COMMAND = "linux.ssh.authorized_principals_command";
    static final String USER_CA = "linux.ssh.trusted_user_ca";

    private SshdOptionChecks() {
    }

    static void check(Scan scan, SshdConfig config, List<AccountEntry> accounts, Results out) {
        for (SshdDirective d : config.all("permituserenvironment")) {
            if (!d.first().equalsIgnoreCase("no") && !d.first().isEmpty()) {
                out.add(base(d, USER_ENVIRONMENT, Severity.MEDIUM, "sshd lets users set the session's environment")
                        .evidence("environment_files", environmentFiles(scan, accounts, out))
                        .attack("T1098.004", "T1574.006")
                        .remediation("Set PermitUserEnvironment no; read each ~/.ssh/environment for LD_PRELOAD "
                                + "or other variables that load code.")
                        .build());
            }
        }
        for (SshdDirective d : config.all("authorizedprincipalscommand")) {
            if (!d.first().equalsIgnoreCase("none") && !d.first().isEmpty()) {
                out.add(base(d, PRINCIPALS_COMMAND, Severity.MEDIUM, "sshd asks a program for certificate principals")
                        .attack("T1098.004", "T1556")
                        .remediation("Confirm the program is the one your directory service installed and that "
                                + "it is owned by root and unwritable by others.")
                        .build());
            }
        }
        for (SshdDirective d : config.all("trustedusercakeys")) {
            if (!d.first().equalsIgnoreCase("none") && !d.first().isEmpty()) {
                out.add(base(d, USER_CA, Severity.INFO, "sshd accepts user certificates from a CA")
                        .attack("T1098.004")
                        .remediation("Confirm the CA keys are your organisation's; whoever holds one can sign "
                                + "a certificate for any user it names.")
                        .build());
            }
        }
    }

    /** The {@code ~/.ssh/environment} files of the accounts' homes that exist. */
    private static List<String> environmentFiles(Scan scan, List<AccountEntry> accounts, Results out) {
        Set<String> homes = new LinkedHashSet<>();
        accounts.stream().map(AccountEntry::home).filter(h -> h != null && h.startsWith("/")).forEach(homes::add);
        List<String> found = new ArrayList<>();
        for (String home : homes) {
            HostPath p = HostPath.of(home).resolve(".ssh/environment");
            try {
                if (scan.root().stat(p).isPresent()) {
                    found.add(p.display());
                }
            } catch (HostException e) {
                out.error(new CollectionError("ssh", p.display(), e.getMessage()));
            }
        }
        return found;
    }

    private static Finding.Builder base(SshdDirective d, String check, Severity sev, String title) {
        String text = d.keyword() + " " + String.join(" ", d.args());
        return Finding.builder(check, sev, title)
                .summary(d.file() + " line " + d.line() + ": " + text)
                .evidence("path", d.file())
                .evidence("line", d.line())
                .evidence("value", String.join(" ", d.args()))
                .evidence("match", d.match().isEmpty() ? null : d.match())
                .path(d.file());
    }
}
