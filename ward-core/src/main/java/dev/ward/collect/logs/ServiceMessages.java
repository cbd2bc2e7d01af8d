package dev.ward.collect.logs;

import dev.ward.model.LoginEvent;
import dev.ward.model.LoginEvent.Kind;

/**
 * Pure: the logins of the services other than sshd, in the forms they log them:
 * <pre>
 * vsftpd(pam_unix)[15522]: authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=64.168.103.1 user=user1
 * dovecot: imap-login: Disconnected (auth failed, 2 attempts): user=&lt;bob&gt;, method=PLAIN, rip=49.176.98.87, lip=...
 * postfix/smtpd[1234]: warning: unknown[198.51.100.7]: SASL LOGIN authentication failed: UGFzc3dvcmQ6
 * vsftpd[1658]: [bob] FAIL LOGIN: Client "192.0.2.222"            (and OK LOGIN, a login)
 * proftpd[1234]: host (name[192.0.2.1]) - USER bob (Login failed): Incorrect password.
 *                (also "no such user found", "SECURITY VIOLATION: root login attempted", "Maximum login
 *                attempts (3) exceeded", each a failure; "Login successful", a login)
 * mysqld: [Warning] Access denied for user 'root'@'192.0.2.1' (using password: YES)
 * </pre>
 * A name the FTP server does not know is a failure here, not an invalid user: unlike sshd, these
 * services log nothing else for such an attempt, and a guess at names is a guess at passwords all the same.
 * MySQL's line is taken only when the denial ends it, so a name or host crafted to look like one
 * inside some other message is not.
 * PAM's failures are taken from every program but sshd (whose own "Failed" lines count each
 * attempt once) and only with a remote host: a local su or sudo failure is not a network login.
 * dovecot's "N attempts" is one failure a line, as fail2ban counts it; postfix losing its
 * authentication server, or a client offering a mechanism it does not allow, is no guess.
 */
final class ServiceMessages {
    private ServiceMessages() {
    }

    /** The failed login of one line, or null. */
    static LoginEvent event(SyslogLine l, String file, long line) {
        String m = l.message();
        if (l.program().equals("vsftpd") && m.startsWith("[")) {
            return vsftpd(l, m, file, line);
        }
        if (l.program().equals("proftpd") || m.startsWith("proftpd[")) {
            return proftpd(l, l.program().isEmpty() ? m.substring(m.indexOf(' ') + 1) : m, file, line);
        }
        int denied = m.indexOf(MYSQL_DENIED);
        if (denied > 0 && m.startsWith("] ", denied - 2)) {
            return mysql(l, m, denied + MYSQL_DENIED.length(), file, line);
        }
        if (m.contains("authentication failure;") && !SshdMessages.isSshd(l.program()) && !m.contains("(sshd:")) {
            String host = field(m, " rhost=");
            return host.isEmpty() ? null : failure(l, service(l, m), field(m, " user="), host, file, line);
        }
        int rip = m.indexOf("rip=");
        if (m.contains("(auth failed") && rip >= 0) {
            return failure(l, service(l, m), between(m, "user=<", '>'), m.substring(rip + 4).split("[,\\s]")[0], file, line);
        }
        int sasl = m.indexOf("SASL ");
        if (sasl > 0 && m.contains("authentication failed") && !m.contains("Connection lost to authentication server")
                && !m.contains("Invalid authentication mechanism") && m.indexOf('[') > 0 && m.indexOf('[') < sasl) {
            int open = m.lastIndexOf('[', sasl);
            int close = m.indexOf(']', open);
            return close < 0 ? null : failure(l, service(l, m), "", m.substring(open + 1, close), file, line);
        }
        return null;
    }

    private static final String MYSQL_DENIED = "Access denied for user '";

    /** "[bob] FAIL LOGIN: Client "::ffff:192.0.2.1", ..." and "[bob] OK LOGIN: ...". */
    private static LoginEvent vsftpd(SyslogLine l, String m, String file, long line) {
        int close = m.indexOf("] ");
        if (close < 0) {
            return null;
        }
        String rest = m.substring(close + 2);
        Kind kind = rest.startsWith("FAIL LOGIN: Client \"") ? Kind.FAILURE
                : rest.startsWith("OK LOGIN: Client \"") ? Kind.SUCCESS : null;
        int quote = rest.indexOf('"');
        int end = rest.indexOf('"', quote + 1);
        if (kind == null || end < 0) {
            return null;
        }
        return event(l, "vsftpd", kind, m.substring(1, close), address(rest.substring(quote + 1, end)), file, line);
    }

    /** "host (name[192.0.2.1]) - USER bob (Login failed): ...", after the program's name. */
    private static LoginEvent proftpd(SyslogLine l, String m, String file, long line) {
        int open = m.indexOf(" (");
        int bracket = m.indexOf('[', open + 2);
        int close = m.indexOf("])", bracket + 1);
        if (open < 0 || bracket < 0 || close < 0) {
            return null;
        }
        String host = address(m.substring(bracket + 1, close));
        String rest = m.substring(close + 2).replaceFirst("^(?::| -) ", "");
        if (rest.startsWith("USER ")) {
            int colon = rest.indexOf(':');
            int paren = rest.indexOf(" (");
            int nameEnd = paren > 0 && (colon < 0 || paren < colon) ? paren : colon;
            String user = nameEnd < 5 ? "" : rest.substring(5, nameEnd);
            if (rest.contains("(Login failed)") || rest.contains(": no such user found")) {
                return event(l, "proftpd", Kind.FAILURE, user, host, file, line);
            }
            return rest.contains(": Login successful") ? event(l, "proftpd", Kind.SUCCESS, user, host, file, line) : null;
        }
        if (rest.regionMatches(true, 0, "SECURITY VIOLATION: root login attempted", 0, 40)) {
            return event(l, "proftpd", Kind.FAILURE, "root", host, file, line);
        }
        return rest.startsWith("Maximum login attempts") ? event(l, "proftpd", Kind.FAILURE, "", host, file, line) : null;
    }

    /** "'root'@'192.0.2.1' (using password: YES)" from {@code at}, with nothing after it. */
    private static LoginEvent mysql(SyslogLine l, String m, int at, String file, long line) {
        int sep = m.lastIndexOf("'@'");
        int end = m.indexOf('\'', sep + 3);
        if (sep < at || end < 0) {
            return null;
        }
        String after = m.substring(end + 1).strip();
        if (!after.isEmpty() && !after.equals("(using password: YES)") && !after.equals("(using password: NO)")) {
            return null;
        }
        return event(l, "mysql", Kind.FAILURE, m.substring(at, sep), m.substring(sep + 3, end), file, line);
    }

    /** An IPv4 address written as IPv6 ("::ffff:192.0.2.1") as IPv4, as the other services write it. */
    static String address(String host) {
        return host.startsWith("::ffff:") && host.indexOf('.') > 0 ? host.substring(7) : host;
    }

    /** "pam_unix(dovecot:auth)" names the PAM service; else the program, "vsftpd(pam_unix)" cut to "vsftpd". */
    private static String service(SyslogLine l, String m) {
        int pam = m.indexOf("pam_unix(");
        if (pam >= 0 && m.indexOf(':', pam) > 0) {
            return m.substring(pam + 9, m.indexOf(':', pam));
        }
        String p = l.program();
        int paren = p.indexOf('(');
        return paren > 0 ? p.substring(0, paren) : p;
    }

    /** The text after {@code key} up to {@code end} ("user=<bob>"), or "" without both. */
    private static String between(String m, String key, char end) {
        int at = m.indexOf(key);
        int close = at < 0 ? -1 : m.indexOf(end, at + key.length());
        return close < 0 ? "" : m.substring(at + key.length(), close);
    }

    /** The value after {@code key} up to the next space ("rhost=1.2.3.4"), or "". */
    private static String field(String m, String key) {
        int at = m.lastIndexOf(key);
        if (at < 0) {
            return "";
        }
        String rest = m.substring(at + key.length());
        int space = rest.indexOf(' ');
        return (space < 0 ? rest : rest.substring(0, space)).strip();
    }

    private static LoginEvent failure(SyslogLine l, String service, String user, String host, String file, long line) {
        return event(l, service, Kind.FAILURE, user, host, file, line);
    }

    static LoginEvent event(SyslogLine l, String service, Kind kind, String user, String host, String file, long line) {
        return new LoginEvent(l.time(), l.host(), service, kind, user, host, "", file, line);
    }
}
