package dev.ward.collect.logs;

import dev.ward.model.AdminEvent;
import dev.ward.model.AdminEvent.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pure: the administrative actions of sudo, su, the shadow tools and PAM's password changes:
 * <pre>
 * sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash
 * sudo:      tsg : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/tsg ; USER=root ; COMMAND=/bin/ls
 * su[3537]: (to root) alice on pts/0          su[3537]: Successful su for root by alice
 * useradd[6995]: new user: name=eve, UID=0, GID=0, home=/root, shell=/bin/bash, from=/dev/pts/0
 * groupadd[7000]: new group: name=eve, GID=1001
 * usermod[7001]: add 'eve' to group 'sudo'    gpasswd[7002]: user eve added by root to group sudo
 * passwd[7003]: pam_unix(passwd:chauthtok): password changed for eve
 * dpkg:    install nmap:amd64 &lt;none&gt; 7.93+dfsg1-1   upgrade ... 1.0 1.1   remove ... 1.1 &lt;none&gt;   purge ...
 * CRON[4100]: (root) CMD (cd / &amp;&amp; run-parts --report /etc/cron.hourly)       (CROND and crond alike)
 * systemd-logind[412]: New session 12 of user bob.     systemd-logind[412]: System is rebooting.
 * </pre>
 * dpkg's lines come from its own log ({@link ServiceLines}).
 */
final class AdminMessages {
    static final Set<String> PROGRAMS = Set.of("sudo", "su", "useradd", "adduser", "groupadd", "usermod", "gpasswd",
            "passwd", "chpasswd", "dpkg", "CRON", "cron", "CROND", "crond", "systemd-logind");

    private AdminMessages() {
    }

    /** The action of one line of those programs, or null. */
    static AdminEvent event(SyslogLine l, String file, long line) {
        String m = l.message();
        return switch (l.program()) {
            case "sudo" -> sudo(l, m, file, line);
            case "su" -> su(l, m, file, line);
            case "useradd", "adduser" -> m.startsWith("new user: ")
                    ? fields(l, Kind.USER_ADDED, m.substring("new user: ".length()), file, line) : null;
            case "groupadd" -> m.startsWith("new group: ")
                    ? fields(l, Kind.GROUP_ADDED, m.substring("new group: ".length()), file, line) : null;
            case "usermod" -> usermod(l, m, file, line);
            case "gpasswd" -> gpasswd(l, m, file, line);
            case "passwd", "chpasswd" -> m.contains("password changed for ")
                    ? event(l, Kind.PASSWORD_CHANGED, "", m.substring(m.indexOf("password changed for ") + 21).strip(), "",
                    file, line) : null;
            case "dpkg" -> dpkg(l, m, file, line);
            case "CRON", "cron", "CROND", "crond" -> cron(l, m, file, line);
            case "systemd-logind" -> logind(l, m, file, line);
            default -> null;
        };
    }

    /** "install nmap:amd64 &lt;none&gt; 7.93": the package without its architecture, and its version. */
    private static AdminEvent dpkg(SyslogLine l, String m, String file, long line) {
        String[] f = m.split(" ");
        if (f.length < 4) {
            return null;
        }
        String name = f[1].contains(":") ? f[1].substring(0, f[1].indexOf(':')) : f[1];
        return switch (f[0]) {
            case "install" -> event(l, Kind.PACKAGE_INSTALLED, "", name, f[3], file, line);
            case "upgrade" -> event(l, Kind.PACKAGE_UPGRADED, "", name, f[2] + " -> " + f[3], file, line);
            case "remove", "purge" -> event(l, Kind.PACKAGE_REMOVED, "", name, f[0] + " " + f[2], file, line);
            default -> null;
        };
    }

    /** "(root) CMD (command)". */
    private static AdminEvent cron(SyslogLine l, String m, String file, long line) {
        int close = m.indexOf(") CMD (");
        if (!m.startsWith("(") || close < 0 || !m.endsWith(")")) {
            return null;
        }
        String user = m.substring(1, close);
        return event(l, Kind.CRON_COMMAND, user, user, m.substring(close + 7, m.length() - 1).strip(), file, line);
    }

    /** "New session 12 of user bob." and "System is rebooting." (or powering down, halting). */
    private static AdminEvent logind(SyslogLine l, String m, String file, long line) {
        if (m.startsWith("New session ") && m.contains(" of user ") && m.endsWith(".")) {
            int of = m.indexOf(" of user ");
            return event(l, Kind.SESSION_OPENED, "", m.substring(of + 9, m.length() - 1), m.substring(12, of), file, line);
        }
        if (m.startsWith("System is ") && m.endsWith(".")) {
            return event(l, Kind.SHUTDOWN, "", "", m.substring(10, m.length() - 1), file, line);
        }
        return null;
    }

    private static AdminEvent sudo(SyslogLine l, String m, String file, long line) {
        int colon = m.indexOf(" : ");
        if (colon < 0) {
            return null;
        }
        String actor = m.substring(0, colon).strip();
        Map<String, String> f = new HashMap<>();
        boolean denied = false;
        for (String part : m.substring(colon + 3).split(" ; ")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).chars().allMatch(Character::isUpperCase)) {
                f.put(part.substring(0, eq), part.substring(eq + 1));
            } else if (part.contains("NOT in sudoers") || part.contains("incorrect password")) {
                denied = true;
            }
        }
        if (!f.containsKey("COMMAND")) {
            return null;
        }
        return event(l, denied ? Kind.SUDO_DENIED : Kind.SUDO, actor, f.getOrDefault("USER", "root"), f.get("COMMAND"),
                file, line);
    }

    private static AdminEvent su(SyslogLine l, String m, String file, long line) {
        if (m.startsWith("(to ")) {
            int close = m.indexOf(") ");
            int on = m.lastIndexOf(" on ");
            if (close > 0) {
                String actor = on > close ? m.substring(close + 2, on) : m.substring(close + 2);
                return event(l, Kind.SU, actor.strip(), m.substring(4, close), "", file, line);
            }
        }
        if (m.startsWith("Successful su for ")) {
            String rest = m.substring("Successful su for ".length());
            int by = rest.indexOf(" by ");
            return by < 0 ? null : event(l, Kind.SU, rest.substring(by + 4).strip(), rest.substring(0, by), "", file, line);
        }
        return null;
    }

    private static AdminEvent usermod(SyslogLine l, String m, String file, long line) {
        // add 'eve' to group 'sudo'  |  add 'eve' to shadow group 'sudo'
        if (!m.startsWith("add '")) {
            return null;
        }
        String[] q = m.split("'");
        return q.length >= 4 ? event(l, Kind.ADDED_TO_GROUP, "", q[1], q[3], file, line) : null;
    }

    private static AdminEvent gpasswd(SyslogLine l, String m, String file, long line) {
        // user eve added by root to group sudo
        if (!m.startsWith("user ") || !m.contains(" added by ") || !m.contains(" to group ")) {
            return null;
        }
        String target = m.substring(5, m.indexOf(" added by "));
        String actor = m.substring(m.indexOf(" added by ") + 10, m.indexOf(" to group "));
        return event(l, Kind.ADDED_TO_GROUP, actor, target, m.substring(m.indexOf(" to group ") + 10).strip(), file, line);
    }

    /** "name=eve, UID=0, GID=0, home=/root, shell=/bin/bash": the name is the target, the rest the detail. */
    private static AdminEvent fields(SyslogLine l, Kind kind, String text, String file, long line) {
        String name = "";
        StringBuilder detail = new StringBuilder();
        for (String part : text.split(", ")) {
            if (part.startsWith("name=")) {
                name = part.substring(5);
            } else {
                detail.append(detail.isEmpty() ? "" : ", ").append(part);
            }
        }
        return event(l, kind, "", name, detail.toString(), file, line);
    }

    private static AdminEvent event(SyslogLine l, Kind kind, String actor, String target, String detail, String file,
                                    long line) {
        return new AdminEvent(l.time(), l.host(), l.program(), kind, actor, target, detail, file, line);
    }
}
