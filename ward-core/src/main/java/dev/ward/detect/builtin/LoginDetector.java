package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.logs.LoginLedger;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.LoginEvent;
import dev.ward.model.Severity;
import dev.ward.collect.logs.HostZone;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
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
 * <li>{@code linux.logs.new_source_for_user} (low, T1078): a user with at least a week and 5 logins
 * of history in the logs logged in from an address none of them came from.</li>
 * <li>{@code linux.logs.unusual_hour} (low, T1078): a user with at least a week and 20 logins of
 * history logged in at an hour (host time) with no login in it or the hours either side.</li>
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
        unusual(ledger, HostZone.of(scan.root()), out);
        firstAfterFailures.forEach((key, s) -> out.add(successAfterFailures(s.event(), s.failuresBefore(),
                ledger.sources().get(s.event().source()), logins.get(key))));
        ledger.sources().forEach((address, s) -> {
            if (s.burst()) {
                out.add(bruteForce(address, s, ledger));
            }
        });
    }

    /** Logins of a user with a history, from an address or at an hour that history does not hold. */
    private static void unusual(LoginLedger ledger, ZoneId zone, Results out) {
        Map<String, History> users = new HashMap<>();
        for (LoginLedger.Success s : ledger.successes()) {
            LoginEvent e = s.event();
            History h = users.computeIfAbsent(e.user(), k -> new History(e.time()));
            int hour = e.time().atZone(zone).getHour();
            boolean long_ = Duration.between(h.since, e.time()).compareTo(HISTORY) >= 0;
            if (long_ && h.logins >= NEW_SOURCE_AFTER && !e.source().isEmpty() && !h.sources.contains(e.source())) {
                out.add(newSource(e, h));
            }
            if (long_ && h.logins >= ODD_HOUR_AFTER && h.hours[hour] + h.hours[(hour + 1) % 24] + h.hours[(hour + 23) % 24] == 0) {
                out.add(oddHour(e, h, hour));
            }
            h.logins++;
            h.hours[hour]++;
            if (!e.source().isEmpty() && h.sources.size() < 1000) {
                h.sources.add(e.source());
            }
        }
    }

    /** How long a user's history must be, and how many logins it must hold, before something is new in it. */
    static final Duration HISTORY = Duration.ofDays(7);
    static final int NEW_SOURCE_AFTER = 5;
    static final int ODD_HOUR_AFTER = 20;

    private static final class History {
        final Instant since;
        final Set<String> sources = new HashSet<>();
        final int[] hours = new int[24];
        int logins;

        History(Instant since) {
            this.since = since;
        }
    }

    private static Finding newSource(LoginEvent e, History h) {
        return Finding.builder("linux.logs.new_source_for_user", Severity.LOW, "Login from an address new for the user")
                .summary(e.user() + " logged in from " + e.source() + " at " + e.time() + ", an address none of the "
                        + h.logins + " logins since " + h.since + " came from")
                .evidence("user", e.user()).evidence("source", e.source()).evidence("time", e.time().toString())
                .evidence("earlier_logins", h.logins).evidence("earlier_sources", h.sources.stream().sorted().limit(10).toList())
                .evidence("file", e.file()).evidence("line", e.line()).path(e.file()).attack("T1078")
                .remediation("Ask the account's owner whether it was them.").build();
    }

    private static Finding oddHour(LoginEvent e, History h, int hour) {
        return Finding.builder("linux.logs.unusual_hour", Severity.LOW, "Login at an hour new for the user")
                .summary(e.user() + " logged in from " + (e.source().isEmpty() ? "a local terminal" : e.source()) + " at "
                        + e.time() + ", around " + hour + ":00 host time, when none of the " + h.logins + " logins since "
                        + h.since + " took place")
                .evidence("user", e.user()).evidence("source", e.source()).evidence("time", e.time().toString())
                .evidence("hour", hour).evidence("earlier_logins", h.logins)
                .evidence("file", e.file()).evidence("line", e.line()).path(e.file()).attack("T1078")
                .remediation("Ask the account's owner whether it was them.").build();
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
