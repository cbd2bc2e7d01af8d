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
        int from = 0;
        int to = msg.length();
        int times = 1;
        if (msg.startsWith(REPEATED)) { // the message repeated is between "[" and "]", spaces aside
            int end = msg.indexOf(" times: [");
            times = end < 0 ? 0 : count(msg, REPEATED.length(), end);
            if (times == 0) {
                return;
            }
            from = end + " times: [".length();
            while (from < to && Character.isWhitespace(msg.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(msg.charAt(to - 1))) {
                to--;
            }
            if (to > from && msg.charAt(to - 1) == ']') {
                to--;
            }
        }
        LoginEvent e = event(l, msg, from, to, file, line);
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
        return to - from > 6 ? 0 : (int) Math.max(0, SyslogParser.digits(msg, from, to));
    }

    /**
     * The event of the message in {@code msg} from {@code from} to {@code to}, read in place: a log
     * of a million lines makes no substrings of it but the fields kept.
     */
    private static LoginEvent event(SyslogLine l, String msg, int from, int to, String file, long line) {
        Kind kind;
        int rest;
        if (msg.startsWith("Accepted ", from)) {
            kind = Kind.SUCCESS;
            rest = from + "Accepted ".length();
        } else if (msg.startsWith("Failed ", from)) {
            kind = Kind.FAILURE;
            rest = from + "Failed ".length();
        } else if (msg.startsWith("Invalid user ", from)) {
            return userFrom(l, Kind.INVALID_USER, "", msg, from + "Invalid user ".length(), to, file, line);
        } else {
            return null;
        }
        int for_ = msg.indexOf(" for ", rest);
        if (for_ < 0 || for_ + " for ".length() > to) {
            return null;
        }
        int who = for_ + " for ".length();
        if (msg.startsWith("invalid user ", who) && who + "invalid user ".length() <= to) {
            who += "invalid user ".length();
        }
        return userFrom(l, kind, msg.substring(rest, for_), msg, who, to, file, line);
    }

    /**
     * "USER from ADDRESS port N ..." in {@code msg} from {@code at} to {@code to} (a user name may
     * hold spaces; the last " from " splits).
     */
    private static LoginEvent userFrom(SyslogLine l, Kind kind, String method, String msg, int at, int to, String file,
                                       long line) {
        int from = msg.lastIndexOf(" from ", to - " from ".length());
        if (from < at) {
            return null;
        }
        int source = from + " from ".length();
        int space = msg.indexOf(' ', source);
        return new LoginEvent(l.time(), l.host(), l.program(), kind, msg.substring(at, from),
                msg.substring(source, space < 0 || space > to ? to : space), method, file, line);
    }
}
