package dev.ward.collect.logs;

import dev.ward.collect.Scan;
import dev.ward.model.AdminEvent;
import dev.ward.model.CollectionError;
import dev.ward.model.LogEvent;
import dev.ward.model.LoginEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToLongFunction;

/**
 * What the authentication logs say of logins and administrative actions, gathered in one pass as
 * the lines stream by (oldest log first), so memory grows with the number of distinct addresses and
 * of successful logins, never with the number of lines: a log of gigabytes of password guesses
 * costs a few counters an address, and routine sudo use a counter a user.
 * A source's burst is {@code maxRetry} failures within {@code findTime}, fail2ban's sshd defaults.
 */
public final class LoginLedger {
    public static final int MAX_RETRY = 5;
    public static final Duration FIND_TIME = Duration.ofMinutes(10);
    /** Names shown per address: enough to show what it tried. */
    static final int USERS_KEPT = 50;
    /** Distinct names counted per address; past this many, the count is a floor. */
    static final int USERS_COUNTED = 10_000;

    /** What one remote address did. */
    public static final class Source {
        private final Deque<Instant> window = new ArrayDeque<>();
        private final TreeSet<String> users = new TreeSet<>();
        private long failures;
        private long invalidUsers;
        private Instant first;
        private Instant last;
        private boolean burst;
        private LoginEvent firstFailure;

        public long failures() {
            return failures;
        }

        public boolean burst() {
            return burst;
        }

        public Instant first() {
            return first;
        }

        public Instant last() {
            return last;
        }

        /** Up to {@value #USERS_KEPT} of the names it tried, the first in sort order. */
        public List<String> users() {
            return users.stream().limit(USERS_KEPT).toList();
        }

        /** How many names it tried that are not in {@link #users()} (at least, past {@value #USERS_COUNTED}). */
        public long usersLeftOut() {
            return Math.max(0, users.size() - USERS_KEPT);
        }

        public LoginEvent firstFailure() {
            return firstFailure;
        }

        private void user(String name) {
            if (users.size() < USERS_COUNTED) {
                users.add(name);
            }
        }
    }

    /** A command cron ran for a user: how often, first and last, and where it was first seen. */
    public static final class CronCommand {
        private final AdminEvent first;
        private Instant last;
        private long runs;

        CronCommand(AdminEvent first) {
            this.first = first;
            this.last = first.time();
        }

        public AdminEvent first() {
            return first;
        }

        public Instant last() {
            return last;
        }

        public long runs() {
            return runs;
        }
    }

    /** Distinct cron commands kept per user; past this many, the rest are counted as one "other". */
    static final int CRON_COMMANDS_KEPT = 500;

    /** apt's runs kept, the latest. */
    static final int APT_COMMANDS_KEPT = 100;

    /** A successful login, with how many failures its address had made before it. */
    public record Success(LoginEvent event, long failuresBefore) {
    }

    private final int maxRetry;
    private final Duration findTime;
    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final List<Success> successes = new ArrayList<>();
    private final Map<String, Long> loginsByUser = new TreeMap<>();
    private final Map<String, Long> loginsBySource = new TreeMap<>();
    private final List<CollectionError> errors = new ArrayList<>();
    private final List<AdminEvent> admin = new ArrayList<>();
    private final List<Rhythm> rhythms = new ArrayList<>();
    private final Map<String, Long> adminCounts = new TreeMap<>();
    private final Map<String, Long> sudoByUser = new TreeMap<>();
    private final Map<String, Map<String, CronCommand>> cron = new TreeMap<>();
    private final Map<String, Long> sessionsByUser = new TreeMap<>();
    private final Deque<AdminEvent> aptCommands = new ArrayDeque<>();
    private long events;
    private Instant first;
    private Instant last;

    LoginLedger(int maxRetry, Duration findTime) {
        this.maxRetry = maxRetry;
        this.findTime = findTime;
    }

    /** The ledger of this scan's logs, read once and shared by the checks and the summary. */
    public static LoginLedger of(Scan scan, AuthLogCollector logs) {
        return scan.once(LoginLedger.class, root -> {
            LoginLedger ledger = new LoginLedger(MAX_RETRY, FIND_TIME);
            ledger.errors.addAll(logs.stream(root, ledger::add, ledger.rhythms::add));
            return ledger;
        });
    }

    /** Shells and su: a sudo command that opens one gives its caller a root shell, and the log then sees no more. */
    static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "csh", "tcsh", "fish", "su");

    void add(LogEvent e) {
        switch (e) {
            case LoginEvent login -> add(login);
            case AdminEvent admin -> add(admin);
        }
    }

    private void add(AdminEvent e) {
        switch (e.kind()) {
            case CRON_COMMAND -> {
                Map<String, CronCommand> mine = cron.computeIfAbsent(e.actor(), k -> new TreeMap<>());
                String key = mine.size() < CRON_COMMANDS_KEPT || mine.containsKey(e.detail()) ? e.detail() : "(other)";
                CronCommand c = mine.computeIfAbsent(key, k -> new CronCommand(e));
                c.runs++;
                c.last = e.time().isAfter(c.last) ? e.time() : c.last;
                return;
            }
            case SESSION_OPENED -> {
                sessionsByUser.merge(e.target(), 1L, Long::sum);
                return;
            }
            case PACKAGE_COMMAND -> {
                adminCounts.merge(e.kind().label(), 1L, Long::sum);
                aptCommands.addLast(e);
                if (aptCommands.size() > APT_COMMANDS_KEPT) {
                    aptCommands.removeFirst();
                }
                return;
            }
            default -> adminCounts.merge(e.kind().label(), 1L, Long::sum);
        }
        if (e.kind() == AdminEvent.Kind.SUDO) {
            sudoByUser.merge(e.actor(), 1L, Long::sum);
            if (!opensShell(e.detail())) {
                return; // ordinary sudo use: counted, not kept
            }
        }
        if (e.kind() != AdminEvent.Kind.PACKAGE_UPGRADED) {
            admin.add(e); // upgrades are routine and many: counted only
        }
    }

    /** Whether a sudo command line runs a shell ("/bin/bash", "/usr/bin/su -", "/bin/sh -c ..."). */
    static boolean opensShell(String command) {
        String first = command.strip().split("\\s+", 2)[0];
        return SHELLS.contains(first.substring(first.lastIndexOf('/') + 1));
    }

    private void add(LoginEvent e) {
        events++;
        first = first == null || e.time().isBefore(first) ? e.time() : first;
        last = last == null || e.time().isAfter(last) ? e.time() : last;
        Source s = e.source().isEmpty() ? null : sources.computeIfAbsent(e.source(), k -> new Source());
        switch (e.kind()) {
            case SUCCESS -> {
                successes.add(new Success(e, s == null ? 0 : s.failures));
                loginsByUser.merge(e.user(), 1L, Long::sum);
                if (s != null) {
                    loginsBySource.merge(e.source(), 1L, Long::sum);
                }
            }
            case FAILURE -> {
                if (s != null) {
                    failure(s, e);
                }
            }
            case INVALID_USER -> {
                if (s != null) {
                    s.invalidUsers++;
                    s.user(e.user());
                }
            }
        }
    }

    private void failure(Source s, LoginEvent e) {
        s.failures++;
        s.user(e.user());
        s.first = s.first == null ? e.time() : s.first;
        s.firstFailure = s.firstFailure == null ? e : s.firstFailure;
        s.last = e.time();
        s.window.addLast(e.time());
        while (s.window.size() > maxRetry || (!s.window.isEmpty() && s.window.peekFirst().isBefore(e.time().minus(findTime)))) {
            s.window.removeFirst();
        }
        s.burst |= s.window.size() >= maxRetry;
    }

    public int maxRetry() {
        return maxRetry;
    }

    public Duration findTime() {
        return findTime;
    }

    /** Every address seen, in the order first seen. */
    public Map<String, Source> sources() {
        return Collections.unmodifiableMap(sources);
    }

    public List<Success> successes() {
        return Collections.unmodifiableList(successes);
    }

    public long events() {
        return events;
    }

    /** The span the logs' events cover; null when there were none. */
    public Instant first() {
        return first;
    }

    public Instant last() {
        return last;
    }

    public Map<String, Long> loginsByUser() {
        return loginsByUser;
    }

    public Map<String, Long> loginsBySource() {
        return loginsBySource;
    }

    /** Failed logins by address (each failed authentication once). */
    public Map<String, Long> failuresBySource() {
        return bySource(s -> s.failures);
    }

    /** "Invalid user" lines by address: names tried that the host does not know. */
    public Map<String, Long> invalidUsersBySource() {
        return bySource(s -> s.invalidUsers);
    }

    /** A count of each address, the addresses it is 0 for left out. */
    private Map<String, Long> bySource(ToLongFunction<Source> count) {
        Map<String, Long> out = new TreeMap<>();
        sources.forEach((k, s) -> {
            if (count.applyAsLong(s) > 0) {
                out.put(k, count.applyAsLong(s));
            }
        });
        return out;
    }

    /** The administrative actions worth a look: every one but the sudo commands that open no shell and package upgrades. */
    public List<AdminEvent> adminActions() {
        return Collections.unmodifiableList(admin);
    }

    /** Every administrative action, counted by kind (cron's commands and sessions apart). */
    public Map<String, Long> adminCounts() {
        return adminCounts;
    }

    public Map<String, Long> sudoByUser() {
        return sudoByUser;
    }

    /** The commands cron ran, by user and command. */
    public Map<String, Map<String, CronCommand>> cronCommands() {
        return Collections.unmodifiableMap(cron);
    }

    /** apt's latest {@value #APT_COMMANDS_KEPT} runs, oldest first. */
    public List<AdminEvent> aptCommands() {
        return List.copyOf(aptCommands);
    }

    /** systemd-logind's sessions opened, by user. */
    public Map<String, Long> sessionsByUser() {
        return sessionsByUser;
    }

    /** The pace of each log file read, oldest first. */
    public List<Rhythm> rhythms() {
        return Collections.unmodifiableList(rhythms);
    }

    public List<CollectionError> errors() {
        return errors;
    }
}
