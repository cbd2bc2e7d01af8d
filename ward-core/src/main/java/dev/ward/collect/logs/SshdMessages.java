package dev.ward.collect.logs;

import dev.ward.model.LoginEvent;
import dev.ward.model.LoginEvent.Kind;
import java.util.function.Consumer;

/**
 * Pure: OpenSSH's messages about authentication, as {@code sshd} (or {@code sshd-session} since
 * OpenSSH 9.8) logs them:
 * <pre>
 * Accepted publickey for root from 203.0.113.45 port 40077 ssh2: RSA SHA256:...
 * Failed password for root from 203.0.113.45 port 40001 ssh2
 * Failed password for invalid user admin from 203.0.113.45 port 40002 ssh2
 * Invalid user admin from 203.0.113.45 port 40002
 * message repeated 3 times: [ Failed password for root from 203.0.113.45 port 40003 ssh2]
 * </pre>
 * The last is rsyslog folding identical lines: it counts three times. An invalid user's failed
 * password is one failure (its "Invalid user" line is counted apart, as a name tried).
 */
final class SshdMessages {
    private static final String REPEATED = "message repeated ";

    private SshdMessages() {
    }

    static boolean isSshd(String program) {
        return program.equals("sshd") || program.equals("sshd-session");
    }

    /** The events of one sshd message to {@code out}; none for every other message. */
    static void events(SyslogLine l, String file, long line, Consumer<? super LoginEvent> out) {
        String msg = l.message();
        int times = 1;
        if (msg.startsWith(REPEATED)) {
            int end = msg.indexOf(" times: [");
            times = end < 0 ? 0 : count(msg, REPEATED.length(), end);
            if (times == 0) {
                return;
            }
            msg = msg.substring(end + " times: [".length()).strip();
            if (msg.endsWith("]")) {
                msg = msg.substring(0, msg.length() - 1);
            }
        }
        LoginEvent e = event(l, msg, file, line);
        for (int i = 0; e != null && i < times; i++) {
            out.accept(e);
        }
    }

    /**
     * The count of "message repeated N times", or 0 when it is not one of one to six digits: a line
     * any local user can write with logger(1), whose count ward must not trust to loop on. rsyslog
     * folds only identical messages, and sshd's name the client's port, new at each connection, so
     * real counts run to a handful.
     */
    private static int count(String msg, int from, int to) {
        if (to <= from || to - from > 6) {
            return 0;
        }
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = msg.charAt(i);
            if (c < '0' || c > '9') {
                return 0;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static LoginEvent event(SyslogLine l, String msg, String file, long line) {
        Kind kind;
        String rest;
        if (msg.startsWith("Accepted ")) {
            kind = Kind.SUCCESS;
            rest = msg.substring("Accepted ".length());
        } else if (msg.startsWith("Failed ")) {
            kind = Kind.FAILURE;
            rest = msg.substring("Failed ".length());
        } else if (msg.startsWith("Invalid user ")) {
            return userFrom(l, Kind.INVALID_USER, "", msg.substring("Invalid user ".length()), file, line);
        } else {
            return null;
        }
        int for_ = rest.indexOf(" for ");
        if (for_ < 0) {
            return null;
        }
        String method = rest.substring(0, for_);
        String who = rest.substring(for_ + " for ".length());
        if (who.startsWith("invalid user ")) {
            who = who.substring("invalid user ".length());
        }
        return userFrom(l, kind, method, who, file, line);
    }

    /** "USER from ADDRESS port N ..." (a user name may hold spaces; the last " from " splits). */
    private static LoginEvent userFrom(SyslogLine l, Kind kind, String method, String text, String file, long line) {
        int from = text.lastIndexOf(" from ");
        if (from < 0) {
            return null;
        }
        String user = text.substring(0, from);
        String tail = text.substring(from + " from ".length());
        int space = tail.indexOf(' ');
        String source = space < 0 ? tail : tail.substring(0, space);
        return new LoginEvent(l.time(), l.host(), l.program(), kind, user, source, method, file, line);
    }
}
