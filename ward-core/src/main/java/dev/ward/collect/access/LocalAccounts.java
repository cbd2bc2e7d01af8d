package dev.ward.collect.access;

import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The few account facts the access checks need (name, uid, home, shell), read from /etc/passwd.
 * Interim: the accounts collector replaces it; until then it stays inside the access packages.
 * Lines that are not seven colon-separated fields with a numeric uid are skipped, as getpwent(3)
 * skips them; the full accounts source reports them.
 */
public final class LocalAccounts {
    public static final HostPath PASSWD = HostPath.of("/etc/passwd");

    /** One passwd line. */
    public record Account(String name, long uid, String home, String shell) {
        /** A service account: a uid in 1..999 (Debian's system range) or a shell that refuses logins. */
        public boolean isSystem() {
            return (uid >= 1 && uid <= 999) || refusesLogin();
        }

        public boolean refusesLogin() {
            return shell.endsWith("/nologin") || shell.endsWith("/false");
        }
    }

    private LocalAccounts() {
    }

    public static List<Account> parse(String text) {
        List<Account> out = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String[] f = line.split(":", -1);
            if (f.length != 7 || f[0].isEmpty() || f[0].startsWith("+") || f[0].startsWith("-")) {
                continue;
            }
            try {
                out.add(new Account(f[0], Long.parseLong(f[2]), f[5], f[6].strip()));
            } catch (NumberFormatException e) {
                // not an account line getpwent(3) would return
            }
        }
        return out;
    }

    /** The host's accounts; empty when /etc/passwd is missing or unreadable. */
    public static List<Account> read(HostRoot root) {
        try {
            return root.readText(PASSWD).map(LocalAccounts::parse).orElse(List.of());
        } catch (HostException e) {
            return List.of();
        }
    }

    public static Optional<Account> byName(List<Account> accounts, String name) {
        return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
