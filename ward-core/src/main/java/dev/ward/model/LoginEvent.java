package dev.ward.model;

import java.time.Instant;

/**
 * One login attempt a log recorded.
 *
 * @param service the program that logged it ({@code sshd})
 * @param source  the remote address, or "" for a local login
 * @param method  how it authenticated ({@code password}, {@code publickey}...), or ""
 * @param file    the log file, as a path inside the root
 * @param line    its line number there (1-based)
 */
public record LoginEvent(Instant time, String host, String service, Kind kind, String user, String source,
                         String method, String file, long line) implements LogEvent {

    public enum Kind {
        /** authentication succeeded: a session follows */
        SUCCESS,
        /** a wrong password or key for a user */
        FAILURE,
        /** a name the host does not know, tried over the network */
        INVALID_USER;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
