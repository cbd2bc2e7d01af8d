package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.model.AccountEntry;
import dev.ward.collect.ssh.AuthorizedKeysCollector;
import dev.ward.collect.ssh.KeyOptions;
import dev.ward.collect.ssh.SshdConfig;
import dev.ward.collect.ssh.SshdDirective;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.HostPath;
import dev.ward.model.AuthorizedKey;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SSH keys that let someone back in. One finding per keys file: root's keys (medium: each must be
 * confirmed by the analyst), a service account's keys (high: nobody logs in as www-data), and an
 * inventory of ordinary users' keys (info). A user's keys file changed within {@code recentDays}
 * is medium when the account itself is older than that (shadow's last change): a key slipped into
 * an existing account, not the first key of a new user. Keys with options that run commands, open tunnels or trust a CA, an
 * AuthorizedKeysCommand, other sshd_config ways in ({@link SshdOptionChecks}), and world-writable
 * keys files or directories ({@link SshPathChecks}) are reported apart.
 */
public final class SshKeyDetector implements Detector {
    static final String ROOT_KEY = "linux.ssh.root_key";
    static final String SYSTEM_KEY = "linux.ssh.system_account_key";
    static final String USER_KEY = "linux.ssh.user_key";
    static final String OPTIONS = "linux.ssh.key_options";
    static final String KEYS_COMMAND = "linux.ssh.authorized_keys_command";
    /**
     * Options that run a command, set the environment, open tunnels, or make the line a CA
     * ({@code cert-authority}: any certificate the key signs logs in, for the principals named).
     */
    private static final Set<String> RISKY = Set.of("command", "environment", "permitopen", "permitlisten", "tunnel",
            "cert-authority", "principals");

    private final Duration recent;

    public SshKeyDetector() {
        this(30);
    }

    public SshKeyDetector(int recentDays) {
        this.recent = Duration.ofDays(recentDays);
    }

    @Override
    public String name() {
        return "ssh.keys";
    }

    @Override
    public void detect(Scan scan, Results out) {
        List<AuthorizedKey> keys = out.take(scan.records(new AuthorizedKeysCollector()));
        List<AccountEntry> accounts = AccountsCollector.accounts(scan);
        Map<String, List<AuthorizedKey>> byFile = new LinkedHashMap<>();
        keys.forEach(k -> byFile.computeIfAbsent(k.path(), p -> new ArrayList<>()).add(k));
        Instant since = scan.clock().instant().minus(recent);
        byFile.forEach((path, list) -> {
            out.add(inventory(scan, list, accounts, since));
            List<AuthorizedKey> risky = list.stream().filter(SshKeyDetector::risky).toList();
            if (!risky.isEmpty()) {
                out.add(options(scan, risky));
            }
        });
        SshdConfig config = scan.once(SshdConfig.class, SshdConfig::read);
        for (SshdDirective d : config.all("authorizedkeyscommand")) {
            if (!d.first().equalsIgnoreCase("none") && !d.first().isEmpty()) {
                out.add(keysCommand(d));
            }
        }
        SshdOptionChecks.check(scan, config, accounts, out);
        SshPathChecks.writable(scan, config, out);
    }

    private static boolean risky(AuthorizedKey k) {
        return k.options().stream().anyMatch(o -> RISKY.contains(KeyOptions.name(o)));
    }

    private Finding inventory(Scan scan, List<AuthorizedKey> list, List<AccountEntry> accounts, Instant since) {
        AuthorizedKey first = list.get(0);
        AccountEntry acct = accounts.stream().filter(a -> a.name().equals(first.user())).findFirst().orElse(null);
        boolean recentlyModified = first.fileMtime().isAfter(since);
        boolean newAccount = acct != null && acct.passwordAgeDays() >= 0 && acct.passwordAgeDays() <= recent.toDays();
        String check = first.uid() == 0 ? ROOT_KEY : acct != null && acct.service() ? SYSTEM_KEY : USER_KEY;
        Severity sev = switch (check) {
            case ROOT_KEY -> Severity.MEDIUM;
            case SYSTEM_KEY -> Severity.HIGH;
            default -> recentlyModified && !newAccount ? Severity.MEDIUM : Severity.INFO;
        };
        String who = check.equals(SYSTEM_KEY) ? "service account " : "";
        return Finding.builder(check, sev, "SSH key" + (list.size() > 1 ? "s" : "") + " for " + who + first.user()
                        + (recentlyModified ? " (recently modified)" : ""))
                .summary(list.size() + " key(s) in " + first.path() + " let their holders log in as "
                        + first.user() + (recentlyModified ? "; the file was modified within " + recent.toDays() + " days" : ""))
                .evidence("path", first.path())
                .evidence("user", first.user())
                .evidence("uid", first.uid())
                .evidence("shell", acct == null ? null : acct.shell())
                .evidence("file_mtime", first.fileMtime().toString())
                .evidence("recently_modified", recentlyModified)
                .evidence("account_age_days", acct == null || acct.passwordAgeDays() < 0 ? null : acct.passwordAgeDays())
                .evidence("package", Evidence.owner(scan, HostPath.parse(first.path())))
                .evidence("keys", list.stream().map(SshKeyDetector::key).toList())
                .path(first.path())
                .attack("T1098.004")
                .remediation("Confirm each key with its owner; remove any nobody can account for, "
                        + "and look in the auth log for logins with its fingerprint.")
                .build();
    }

    private static Map<String, Object> key(AuthorizedKey k) {
        return Evidence.map("line", k.line(), "key_type", k.keyType(), "fingerprint", k.fingerprint(),
                "comment", k.comment(), "options", k.options(), "text", k.text());
    }

    private static Finding options(Scan scan, List<AuthorizedKey> risky) {
        AuthorizedKey first = risky.get(0);
        return Finding.builder(OPTIONS, Severity.MEDIUM, "SSH key with a forced command, environment, tunnel or CA option")
                .summary(first.path() + " line " + first.line() + ": " + String.join(",", first.options()))
                .evidence("path", first.path())
                .evidence("user", first.user())
                .evidence("forced_command", first.forcedCommand().isEmpty() ? null : first.forcedCommand())
                .evidence("file_mtime", first.fileMtime().toString())
                .evidence("keys", risky.stream().map(SshKeyDetector::key).toList())
                .path(first.path())
                .attack("T1098.004", "T1572")
                .remediation("Check what the command runs and where tunnels lead; an intruder's key often "
                        + "hides behind command= or opens a tunnel with permitopen.")
                .build();
    }

    private static Finding keysCommand(SshdDirective d) {
        return Finding.builder(KEYS_COMMAND, Severity.MEDIUM, "sshd asks a program for authorized keys")
                .summary(d.file() + " line " + d.line() + ": AuthorizedKeysCommand " + String.join(" ", d.args()))
                .evidence("path", d.file())
                .evidence("line", d.line())
                .evidence("command", String.join(" ", d.args()))
                .evidence("match", d.match().isEmpty() ? null : d.match())
                .path(d.file())
                .attack("T1098.004", "T1556")
                .remediation("Confirm the program is the one your directory service installed and that it "
                        + "is owned by root and unwritable by others.")
                .build();
    }
}
