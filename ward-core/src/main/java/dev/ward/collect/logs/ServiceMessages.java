package dev.ward.collect.logs;

import dev.ward.model.LoginEvent;
import dev.ward.model.LoginEvent.Kind;

/**
 * Pure: failed logins of the services other than sshd, in the three forms most of them log:
 * <pre>
 * vsftpd(pam_unix)[15522]: authentication failure; logname= uid=0 euid=0 tty= ruser= rhost=64.168.103.1 user=user1
 * dovecot: imap-login: Disconnected (auth failed, 2 attempts): user=&lt;bob&gt;, method=PLAIN, rip=49.176.98.87, lip=...
 * postfix/smtpd[1234]: warning: unknown[198.51.100.7]: SASL LOGIN authentication failed: UGFzc3dvcmQ6
 * </pre>
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
        if (m.contains("authentication failure;") && !SshdMessages.isSshd(l.program()) && !m.contains("(sshd:")) {
            String host = field(m, " rhost=");
            return host.isEmpty() ? null : failure(l, service(l, m), field(m, " user="), host, file, line);
        }
        int rip = m.indexOf("rip=");
        if (m.contains("(auth failed") && rip >= 0) {
            String user = m.contains("user=<") ? m.substring(m.indexOf("user=<") + 6, m.indexOf('>', m.indexOf("user=<"))) : "";
            return failure(l, service(l, m), user, m.substring(rip + 4).split("[,\\s]")[0], file, line);
        }
        int sasl = m.indexOf("SASL ");
        if (sasl > 0 && m.contains("authentication failed") && !m.contains("Connection lost to authentication server")
                && !m.contains("Invalid authentication mechanism") && m.indexOf('[') > 0 && m.indexOf('[') < sasl) {
            String host = m.substring(m.lastIndexOf('[', sasl) + 1, m.indexOf(']', m.lastIndexOf('[', sasl)));
            return failure(l, service(l, m), "", host, file, line);
        }
        return null;
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
        return new LoginEvent(l.time(), l.host(), service, Kind.FAILURE, user, host, "", file, line);
    }
}
