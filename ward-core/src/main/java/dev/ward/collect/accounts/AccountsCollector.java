package dev.ward.collect.accounts;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.collect.HostFiles;
import dev.ward.host.HostPath;
import dev.ward.model.AccountEntry;
import dev.ward.model.AccountEntry.PasswordState;
import dev.ward.model.CollectionError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Set;

/** Accounts of the root: /etc/passwd joined with /etc/shadow, with where each came from. */
public final class AccountsCollector implements Collector<AccountEntry> {
    public static final HostPath PASSWD = HostPath.of("/etc/passwd");
    public static final HostPath SHADOW = HostPath.of("/etc/shadow");
    private static final Set<String> NO_LOGIN = Set.of("nologin", "false", "sync", "halt", "shutdown");

    private static final AccountsCollector INSTANCE = new AccountsCollector();

    /** The scan's accounts, collected once and shared; their errors are reported by the accounts checks. */
    public static List<AccountEntry> accounts(Scan scan) {
        return scan.records(INSTANCE).records();
    }

    /** Uid to name, the first account of each uid; an unreadable passwd leaves owners as numbers. */
    public static Map<Long, String> names(Scan scan) {
        Map<Long, String> out = new HashMap<>();
        for (AccountEntry a : accounts(scan)) {
            out.putIfAbsent(a.uid(), a.name());
        }
        return out;
    }

    /**
     * The accounts' home directories, for per-user files: absolute ones only, without "/" (the
     * home of some daemons), each once although several accounts may share it.
     */
    public static List<HostPath> homes(Scan scan) {
        Set<HostPath> homes = new LinkedHashSet<>();
        for (AccountEntry a : accounts(scan)) {
            if (a.home().startsWith("/") && !HostPath.of(a.home()).isRoot()) {
                homes.add(HostPath.of(a.home()));
            }
        }
        return List.copyOf(homes);
    }

    @Override
    public String source() {
        return "accounts";
    }

    @Override
    public Class<AccountEntry> type() {
        return AccountEntry.class;
    }

    @Override
    public CollectResult<AccountEntry> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, source(), errors);
        String passwdText = required(files, PASSWD, errors);
        String shadowText = required(files, SHADOW, errors);
        PasswdParser.Parsed passwd = PasswdParser.parse(passwdText, PASSWD.display());
        ShadowParser.Parsed shadow = ShadowParser.parse(shadowText, SHADOW.display());
        errors.addAll(passwd.errors());
        errors.addAll(shadow.errors());
        AccountOrigins origins = new AccountOrigins(files);
        long today = Duration.ofMillis(scan.clock().millis()).toDays();
        List<AccountEntry> accounts = new ArrayList<>();
        for (PasswdParser.Line l : passwd.lines()) {
            accounts.add(entry(l, shadow.byName(), origins, today));
        }
        return new CollectResult<>(accounts, errors);
    }

    private static AccountEntry entry(PasswdParser.Line l, Map<String, ShadowParser.Line> shadow,
            AccountOrigins origins, long today) {
        ShadowParser.Line s = shadow.get(l.name());
        PasswordState state = l.password().equals("x")
                ? (s == null ? PasswordState.MISSING : stateOf(s.password()))
                : stateOf(l.password());
        long age = s == null || s.lastChange() <= 0 ? -1 : today - s.lastChange();
        String origin = origins.originOf(l.name());
        return new AccountEntry(l.name(), l.uid(), l.gid(), l.gecos(), l.home(), l.shell(), PASSWD, l.number(),
                state, age, isLoginShell(l.shell()), isSystem(l.uid()), origin,
                origins.shellByPackage(l.name(), l.shell(), origin));
    }

    static PasswordState stateOf(String field) {
        if (field.isEmpty()) {
            return PasswordState.EMPTY;
        }
        char c = field.charAt(0);
        // crypt(3) hashes start with "$id$" or are 13 DES characters; "*", "!" and "!$6$..." lock.
        return c == '$' || (field.length() == 13 && field.matches("[./0-9A-Za-z]{13}"))
                ? PasswordState.HASH : PasswordState.LOCKED;
    }

    /** An empty shell field means /bin/sh to login(1). */
    static boolean isLoginShell(String shell) {
        if (shell.isEmpty()) {
            return true;
        }
        String base = shell.substring(shell.lastIndexOf('/') + 1);
        return !NO_LOGIN.contains(base);
    }

    /** Debian's ranges: 1-999 system (0 is root itself), 65534 nobody and 65535. */
    static boolean isSystem(long uid) {
        return (uid >= 1 && uid <= 999) || uid >= 65534;
    }

    /** The text of a file accounts cannot do without: missing is an error too, not just absent. */
    private static String required(HostFiles files, HostPath path, List<CollectionError> errors) {
        int before = errors.size();
        Optional<String> text = files.text(path);
        if (text.isEmpty() && errors.size() == before) {
            errors.add(new CollectionError("accounts", path.display(), "not found"));
        }
        return text.orElse("");
    }
}
