package dev.ward.model;

import java.time.Instant;

/**
 * One line of a host-based trust file (hosts.equiv, shosts.equiv, ~/.rhosts, ~/.shosts), as
 * ruserok(3) and sshd's HostbasedAuthentication read it: {@code [-|+]host [[-|+]user]}.
 *
 * @param path         the trust file, displayed
 * @param account      the account whose home holds it; empty for the system-wide files
 * @param host         the host field as written, without a leading '-'
 * @param user         the user field as written, without a leading '-'; empty when absent
 * @param hostWildcard the host is a lone '+' (any host) or a netgroup {@code +@group}
 * @param userWildcard the user is a lone '+' (any user) or a netgroup {@code +@group}
 * @param negated      the line denies ({@code -host} or {@code host -user})
 */
public record TrustEntry(
        String path, int line, String account, String host, String user,
        boolean hostWildcard, boolean userWildcard, boolean negated, String text, Instant fileMtime) {

    /** Trust opened to any host or any user: a lone '+' or a netgroup, and not a denial. */
    public boolean wildcard() {
        return !negated && (hostWildcard || userWildcard);
    }
}
