package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.LoginEvent;
import dev.ward.model.LoginEvent.Kind;
import dev.ward.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the login events of the authentication logs say, source by source, in time order:
 * <ul>
 * <li>{@code linux.logs.brute_force} (medium, T1110): {@code maxRetry} failed logins or more from
 * one address within {@code findTime}, fail2ban's sshd defaults (5 in 10 minutes); one finding a
 * source, with its count, first and last failure and the names it tried.</li>
 * <li>{@code linux.logs.success_after_failures} (high, T1110, T1078): a login that succeeded from an
 * address that had failed {@code maxRetry} times or more before it: a guessed password.</li>
 * <li>{@code linux.logs.root_login} (medium, T1078.003): root logged in over the network.</li>
 * </ul>
 */
public final class LoginDetector implements Detector {
    public static final int MAX_RETRY = 5;
    public static final Duration FIND_TIME = Duration.ofMinutes(10);

    private final AuthLogCollector logs;
    private final int maxRetry;
    private final Duration findTime;

    public LoginDetector() {
        this(new AuthLogCollector(), MAX_RETRY, FIND_TIME);
    }

    public LoginDetector(AuthLogCollector logs, int maxRetry, Duration findTime) {
        this.logs = logs;
        this.maxRetry = maxRetry;
        this.findTime = findTime;
    }

    @Override
    public String name() {
        return "logins";
    }

    /** What is known of one remote address so far. */
    private static final class Source {
        final Deque<Instant> window = new ArrayDeque<>();
        final TreeSet<String> users = new TreeSet<>();
        long failures;
        Instant first;
        Instant last;
        boolean burst;
        LoginEvent firstEvent;
    }

    @Override
    public void detect(Scan scan, Results out) {
        List<LoginEvent> events = out.take(scan.records(logs)).stream()
                .sorted(Comparator.comparing(LoginEvent::time)).toList();
        Map<String, Source> sources = new LinkedHashMap<>();
        for (LoginEvent e : events) {
            if (e.source().isEmpty()) {
                continue;
            }
            Source s = sources.computeIfAbsent(e.source(), k -> new Source());
            switch (e.kind()) {
                case FAILURE -> failure(s, e);
                case INVALID_USER -> s.users.add(e.user());
                case SUCCESS -> {
                    if (s.failures >= maxRetry) {
                        out.add(successAfterFailures(e, s));
                    }
                    if (e.user().equals("root")) {
                        out.add(rootLogin(e));
                    }
                }
            }
        }
        sources.forEach((address, s) -> {
            if (s.burst) {
                out.add(bruteForce(address, s));
            }
        });
    }

    private void failure(Source s, LoginEvent e) {
        s.failures++;
        s.users.add(e.user());
        s.first = s.first == null ? e.time() : s.first;
        s.firstEvent = s.firstEvent == null ? e : s.firstEvent;
        s.last = e.time();
        s.window.addLast(e.time());
        while (!s.window.isEmpty() && s.window.peekFirst().isBefore(e.time().minus(findTime))) {
            s.window.removeFirst();
        }
        s.burst |= s.window.size() >= maxRetry;
    }

    private Finding bruteForce(String address, Source s) {
        return Finding.builder("linux.logs.brute_force", Severity.MEDIUM, "Password guessing from one address")
                .summary(s.failures + " failed logins from " + address + " between " + s.first + " and " + s.last
                        + " (" + maxRetry + " or more within " + findTime.toMinutes() + " minutes), trying "
                        + names(s.users))
                .evidence("source", address).evidence("failures", s.failures).evidence("first", s.first.toString())
                .evidence("last", s.last.toString()).evidence("users", List.copyOf(s.users))
                .evidence("file", s.firstEvent.file()).evidence("line", s.firstEvent.line())
                .path(s.firstEvent.file()).attack("T1110.001")
                .remediation("Block the address at the firewall; make sure no account it tried has a guessable "
                        + "password, and that sshd allows keys only (PasswordAuthentication no).").build();
    }

    private static Finding successAfterFailures(LoginEvent e, Source s) {
        return Finding.builder("linux.logs.success_after_failures", Severity.HIGH, "Login succeeded after many failures")
                .summary(e.user() + " logged in from " + e.source() + " at " + e.time() + " (" + e.method() + ") after "
                        + s.failures + " failed logins from that address since " + s.first)
                .evidence("user", e.user()).evidence("source", e.source()).evidence("time", e.time().toString())
                .evidence("method", e.method()).evidence("failures_before", s.failures)
                .evidence("file", e.file()).evidence("line", e.line()).path(e.file()).attack("T1110", "T1078")
                .remediation("Treat the account as compromised: lock it, change its password from a trusted host, "
                        + "look at what the session did (shell history, new files since then, wtmp) and where "
                        + "else the password is used.").build();
    }

    private static Finding rootLogin(LoginEvent e) {
        return Finding.builder("linux.logs.root_login", Severity.MEDIUM, "root logged in over the network")
                .summary("root logged in from " + e.source() + " at " + e.time() + " (" + e.method() + ")")
                .evidence("user", e.user()).evidence("source", e.source()).evidence("time", e.time().toString())
                .evidence("method", e.method()).evidence("file", e.file()).evidence("line", e.line())
                .path(e.file()).attack("T1078.003")
                .remediation("Confirm who it was; log in as a named user and use sudo instead (PermitRootLogin no).")
                .build();
    }

    private static String names(TreeSet<String> users) {
        List<String> shown = users.stream().limit(10).toList();
        return String.join(", ", shown) + (users.size() > shown.size() ? " and " + (users.size() - shown.size()) + " more" : "");
    }
}
