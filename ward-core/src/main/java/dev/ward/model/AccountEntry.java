package dev.ward.model;

import dev.ward.host.HostPath;

/**
 * One account: its /etc/passwd line joined with its /etc/shadow line.
 *
 * @param password        what the password field allows (shadow's, or passwd's own when not "x")
 * @param passwordAgeDays days since shadow's last change field, from the scan's clock; -1 when unknown
 * @param loginShell      the shell lets someone log in (not nologin, false, sync...; empty is /bin/sh)
 * @param system          uid 1..999, or the nobody range: accounts for services, not people
 * @param origin          what created it as far as the root tells: {@code base-passwd},
 *                        {@code package:NAME}, {@code sysusers}, {@code installer}, or empty if nothing does
 * @param shellByPackage  the package that created it gave it this shell (postgres's /bin/bash)
 */
public record AccountEntry(
        String name,
        long uid,
        long gid,
        String gecos,
        String home,
        String shell,
        HostPath path,
        int line,
        PasswordState password,
        long passwordAgeDays,
        boolean loginShell,
        boolean system,
        String origin,
        boolean shellByPackage) {

    /** What a password field lets through. */
    public enum PasswordState {
        /** A crypt(3) hash: the account can log in with a password. */
        HASH,
        /** An empty field: on many PAM stacks (nullok), no password at all is asked. */
        EMPTY,
        /** "*", "!", "!hash" and the like: no password login. */
        LOCKED,
        /** passwd says "x" but shadow has no line for the account. */
        MISSING
    }

    /** An account for a service, not a person: a system uid or a shell that refuses logins; never root. */
    public boolean service() {
        return uid != 0 && (system || !loginShell);
    }

    public boolean explained() {
        return !origin.isEmpty();
    }
}
