package dev.ward.model;

import java.time.Instant;

/**
 * One administrative action a log recorded: a sudo command, an su, an account or group made or
 * changed, a password set.
 *
 * @param actor  who did it (the sudo or su caller), or "" where the log does not say
 * @param target whom it was done as or to (sudo's USER, the new account, the group)
 * @param detail the command for sudo, the new account's uid and shell, the group joined
 */
public record AdminEvent(Instant time, String host, String program, Kind kind, String actor, String target,
                         String detail, String file, long line) implements LogEvent {

    public enum Kind {
        SUDO, SUDO_DENIED, SU, USER_ADDED, GROUP_ADDED, ADDED_TO_GROUP, PASSWORD_CHANGED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
