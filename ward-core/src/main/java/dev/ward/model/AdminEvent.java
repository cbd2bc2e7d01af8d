package dev.ward.model;

import java.time.Instant;

/**
 * One administrative action a log recorded: a sudo command, an su, an account or group made or
 * changed, a password set, a package installed or removed; and the system's own work that the
 * same logs hold: a command cron ran, a session opened, the system going down.
 *
 * @param actor  who did it (the sudo or su caller, cron's user, apt's Requested-By), or "" where the log does not say
 * @param target whom or what it was done as or to (sudo's USER, the new account, the group, the
 *               session's user, the package)
 * @param detail the command for sudo, cron and apt, the new account's uid and shell, the group joined,
 *               the package's version, the session's number, how the system went down
 */
public record AdminEvent(Instant time, String host, String program, Kind kind, String actor, String target,
                         String detail, String file, long line) implements LogEvent {

    public enum Kind {
        SUDO, SUDO_DENIED, SU, USER_ADDED, GROUP_ADDED, ADDED_TO_GROUP, PASSWORD_CHANGED,
        PACKAGE_INSTALLED, PACKAGE_UPGRADED, PACKAGE_REMOVED, PACKAGE_COMMAND, CRON_COMMAND, SESSION_OPENED, SHUTDOWN;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
