package dev.ward.model;

import java.time.Instant;

/**
 * A user's last login as lastlog records it (login, sshd and pam_lastlog write it; one record a
 * user, overwritten at each login).
 *
 * @param line the terminal ({@code pts/0}), or "" where none was recorded
 * @param host the remote host or address, or "" for a local login
 * @param file the file it was read from, as a path inside the root
 */
public record LastLogin(String user, Instant time, String line, String host, String file) {
}
