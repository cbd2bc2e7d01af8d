package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.model.AccountEntry;
import dev.ward.collect.sudo.SudoersReader;
import dev.ward.collect.sudo.SudoersReader.SudoersFile;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.HostPath;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.SudoRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * sudo grants that give root away (NOPASSWD ALL itself is the YAML check linux.sudo.nopasswd_all,
 * over each rule). One finding per sudoers file and check: any grant to a service account (high: www-data needs no sudo, so one means a web shell can
 * escalate), password-less shells, editors and interpreters that escape to a shell (medium, see
 * {@link ShellEscapes}), Defaults and tags that weaken sudo ({@link SudoDefaultsChecks}), and
 * sudoers files dpkg did not install that are not root-owned 0440/0400.
 */
public final class SudoDetector implements Detector {
    static final String SERVICE_ACCOUNT = "linux.sudo.service_account_grant";
    static final String SHELL_ESCAPE = "linux.sudo.nopasswd_shell_escape";
    static final String FILE_MODE = "linux.sudo.file_permissions";

    @Override
    public String name() {
        return "sudo";
    }

    @Override
    public void detect(Scan scan, Results out) {
        SudoersReader.Sudoers s = scan.once(SudoersReader.class, SudoersReader::read);
        s.errors().forEach(out::error);
        List<AccountEntry> accounts = AccountsCollector.accounts(scan);
        report(scan, out, s.rules(), r -> service(r.principal(), accounts).isPresent(),
                SERVICE_ACCOUNT, Severity.HIGH, "sudo grant to a service account");
        report(scan, out, s.rules(), r -> r.nopasswd() && r.commands().stream().anyMatch(ShellEscapes::escapes),
                SHELL_ESCAPE, Severity.MEDIUM, "sudo grants a shell escape without a password");
        SudoDefaultsChecks.check(scan, s.defaults(), out);
        SudoDefaultsChecks.setenvRules(s.rules(), out);
        for (SudoersFile f : s.files()) {
            boolean strict = f.stat().uid() == 0 && (f.stat().permissions() == 0440 || f.stat().permissions() == 0400);
            if (!strict && scan.packages().owner(f.path()).isEmpty()) {
                out.add(fileMode(f));
            }
        }
    }

    /** The account behind a user principal, when it is a service account; groups and ALL are not. */
    static Optional<AccountEntry> service(String principal, List<AccountEntry> accounts) {
        if (principal.startsWith("%") || principal.startsWith("!") || principal.equals("ALL")) {
            return Optional.empty();
        }
        Predicate<AccountEntry> match = principal.startsWith("#")
                ? a -> principal.equals("#" + a.uid()) : a -> a.name().equals(principal);
        return accounts.stream().filter(match).filter(a -> a.service()).findFirst();
    }

    private static void report(Scan scan, Results out, List<SudoRule> rules, Predicate<SudoRule> test,
                               String check, Severity sev, String title) {
        Map<String, List<SudoRule>> byFile = new LinkedHashMap<>();
        rules.stream().filter(test).forEach(r -> byFile.computeIfAbsent(r.path(), p -> new ArrayList<>()).add(r));
        byFile.forEach((path, list) -> {
            SudoRule first = list.get(0);
            out.add(Finding.builder(check, sev, title)
                    .summary(path + " line " + first.line() + ": " + first.text())
                    .evidence("path", path)
                    .evidence("rules", list.stream().map(SudoDetector::rule).toList())
                    .evidence("package", Evidence.owner(scan, HostPath.parse(path)))
                    .path(path)
                    .attack("T1548.003")
                    .remediation("Remove the grant unless it is documented and needed; a grant like this "
                            + "is root for whoever controls the account.")
                    .build());
        });
    }

    private static Map<String, Object> rule(SudoRule r) {
        return Evidence.map("line", r.line(), "principal", r.principal(), "runas", r.runas(),
                "nopasswd", r.nopasswd(), "commands", r.commands(), "text", r.text());
    }

    private static Finding fileMode(SudoersFile f) {
        return Finding.builder(FILE_MODE, Severity.MEDIUM, "sudoers file with loose ownership or mode")
                .summary(f.path().display() + " is mode " + String.format("%04o", f.stat().permissions())
                        + " owned by uid " + f.stat().uid() + ", and no package installed it")
                .evidence("path", f.path().display())
                .evidence("file", Evidence.file(f.stat()))
                .evidence("package", "none")
                .path(f.path().display())
                .attack("T1548.003")
                .remediation("Find who created it; sudoers files should be root-owned 0440, written with visudo.")
                .build();
    }
}
