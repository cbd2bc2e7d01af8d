package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.logs.LoginLedger;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.LoginEvent;
import dev.ward.model.Severity;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the login events of the authentication logs say, source by source ({@link LoginLedger}):
 * <ul>
 * <li>{@code linux.logs.brute_force} (medium, T1110.001): 5 failed logins or more from one address
 * within 10 minutes, fail2ban's sshd defaults; one finding a source, with its count, first and last
 * failure and the names it tried.</li>
 * <li>{@code linux.logs.success_after_failures} (high, T1110, T1078): a login that succeeded from an
 * address that had failed 5 times or more before it: a guessed password.</li>
 * <li>{@code linux.logs.root_login} (medium, T1078.003): root logged in over the network.</li>
 * </ul>
 */
public final class LoginDetector implements Detector {
    private final AuthLogCollector logs;

    public LoginDetector() {
        this(new AuthLogCollector());
    }

    public LoginDetector(AuthLogCollector logs) {
        this.logs = logs;
    }

    @Override
    public String name() {
        return "logins";
    }

    @Override
    public void detect(Scan scan, Results out) {
        LoginLedger ledger = LoginLedger.of(scan, logs);
        ledger.errors().forEach(out::error);
        // One finding for each user and address: the first such login, with how many followed it.
        Map<String, LoginLedger.Success> firstAfterFailures = new LinkedHashMap<>();
        Map<String, Integer> logins = new HashMap<>();
        Map<String, LoginEvent> rootBySource = new LinkedHashMap<>();
        for (LoginLedger.Success s : ledger.successes()) {
            LoginEvent e = s.event();
            String key = e.user() + "\t" + e.source();
            if (s.failuresBefore() >= ledger.maxRetry() || firstAfterFailures.containsKey(key)) {
                firstAfterFailures.putIfAbsent(key, s);
                logins.merge(key, 1, Integer::sum);
            }
            if (e.user().equals("root") && !e.source().isEmpty()) {
                rootBySource.putIfAbsent(e.source(), e);
            }
        }
        rootBySource.values().forEach(e -> out.add(rootLogin(e)));
        firstAfterFailures.forEach((key, s) -> out.add(successAfterFailures(s.event(), s.failuresBefore(),
                ledger.sources().get(s.event().source()), logins.get(key))));
        ledger.sources().forEach((address, s) -> {
            if (s.burst()) {
                out.add(bruteForce(address, s, ledger));
            }
        });
    }

    private static Finding bruteForce(String address, LoginLedger.Source s, LoginLedger ledger) {
        String names = String.join(", ", s.users().stream().limit(10).toList())
                + (s.users().size() + s.usersLeftOut() > 10 ? " and " + (s.users().size() + s.usersLeftOut() - 10) + " more" : "");
        return Finding.builder("linux.logs.brute_force", Severity.MEDIUM, "Password guessing from one address")
                .summary(s.failures() + " failed logins from " + address + " between " + s.first() + " and " + s.last()
                        + " (" + ledger.maxRetry() + " or more within " + ledger.findTime().toMinutes() + " minutes), trying "
                        + names)
                .evidence("source", address).evidence("failures", s.failures()).evidence("first", s.first().toString())
                .evidence("last", s.last().toString()).evidence("users", s.users())
                .evidence("file", s.firstFailure().file()).evidence("line", s.firstFailure().line())
                .path(s.firstFailure().file()).attack("T1110.001")
                .remediation("Block the address at the firewall; make sure no account it tried has a guessable "
                        + "password, and that sshd allows keys only (PasswordAuthentication no).").build();
    }

    private static Finding successAfterFailures(LoginEvent e, long failures, LoginLedger.Source s, int logins) {
        return Finding.builder("linux.logs.success_after_failures", Severity.HIGH, "Login succeeded after many failures")
                .summary(e.user() + " logged in from " + e.source() + " at " + e.time() + " (" + e.method() + ") after "
                        + failures + " failed logins from that address since " + s.first()
                        + (logins > 1 ? "; " + (logins - 1) + " more logins of that user from there followed" : ""))
                .evidence("logins", logins)
                .evidence("user", e.user()).evidence("source", e.source()).evidence("time", e.time().toString())
                .evidence("method", e.method()).evidence("failures_before", failures)
                .evidence("file", e.file()).evidence("line", e.line()).path(e.file()).attack("T1110", "T1078")
                .remediation("Treat the account as compromised: lock it, change its password from a trusted host, "
                        + "look at what the session did (shell history, new files since then, wtmp) and where "
                        + "else the password is used.").build();
    }

    private static Finding rootLogin(LoginEvent e) {
        return Finding.builder("linux.logs.root_login", Severity.MEDIUM, "root logged in over the network")
                .summary("root logged in from " + e.source() + ", first at " + e.time() + " (" + e.method() + ")")
                .evidence("user", e.user()).evidence("source", e.source()).evidence("time", e.time().toString())
                .evidence("method", e.method()).evidence("file", e.file()).evidence("line", e.line())
                .path(e.file()).attack("T1078.003")
                .remediation("Confirm who it was; log in as a named user and use sudo instead (PermitRootLogin no).")
                .build();
    }
}
