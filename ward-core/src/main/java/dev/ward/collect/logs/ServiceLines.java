package dev.ward.collect.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure: the lines of services that write their own log files rather than through syslog, turned
 * into the {@link SyslogLine} their syslog messages would be, so one reader of messages serves both:
 * <pre>
 * vsftpd.log        Fri Jan 19 12:20:33 2007 [pid 27202] [anonymous] FAIL LOGIN: Client "64.106.46.98"
 * proftpd.log       2013-11-16 21:59:30,121 novo proftpd[25891] localhost (andy[1.2.3.4]): USER kjsad: no such user ...
 * MySQL 5.5         130324  0:04:00 [Warning] Access denied for user 'root'@'192.168.1.35' (using password: NO)
 * MySQL 5.6, MariaDB 2015-10-07 06:09:42 5907 [Warning] Access denied for user ...
 * PostgreSQL        2026-11-20 03:12:00.123 UTC [4100] bob@shop FATAL:  password authentication failed for user "bob"
 * dpkg.log          2016-08-06 17:35:39 install base-passwd:amd64 &lt;none&gt; 3.5.33
 * </pre>
 * Times without a zone are the host's. MySQL's ISO form and rsyslog-style lines are syslog's to read.
 */
final class ServiceLines {
    private static final String DATE = "(\\d{4}-\\d\\d-\\d\\d) {1,2}(\\d{1,2}:\\d\\d:\\d\\d)";
    private static final Pattern VSFTPD = Pattern.compile(
            "\\w{3} (\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}) \\[pid (\\d+)\\] (.*)");
    private static final Pattern PROFTPD = Pattern.compile(DATE + ",\\d+ (\\S+) (proftpd\\[\\d+\\] .*)");
    private static final Pattern MYSQL_OLD = Pattern.compile("(\\d{6}) {1,2}(\\d{1,2}:\\d\\d:\\d\\d) (\\[.*)");
    private static final Pattern MYSQL = Pattern.compile(DATE + " \\d+ (\\[.*)");
    private static final Pattern POSTGRES = Pattern.compile(DATE + "(\\.\\d+)? (\\S+) \\[(\\d+)\\] (.*)");
    private static final Pattern DPKG = Pattern.compile(DATE + " ((?:install|upgrade|remove|purge) .*)");
    private static final DateTimeFormatter VSFTPD_TIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss yyyy", Locale.ROOT);
    private static final DateTimeFormatter MYSQL_OLD_TIME = DateTimeFormatter.ofPattern("yyMMdd H:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm:ss", Locale.ROOT);

    private ServiceLines() {
    }

    /** The line as its syslog message would be, or empty when it is none of these forms. */
    static Optional<SyslogLine> parse(String line, ZoneId zone) {
        try {
            Matcher m;
            if ((m = VSFTPD.matcher(line)).matches()) {
                Instant t = LocalDateTime.parse(m.group(1), VSFTPD_TIME).atZone(zone).toInstant();
                return Optional.of(new SyslogLine(t, "", "vsftpd", Long.parseLong(m.group(2)), m.group(3)));
            }
            if ((m = DPKG.matcher(line)).matches()) {
                return Optional.of(new SyslogLine(local(m, zone), "", "dpkg", -1, m.group(3)));
            }
            if ((m = PROFTPD.matcher(line)).matches()) {
                return Optional.of(new SyslogLine(local(m, zone), m.group(3), "", -1, m.group(4)));
            }
            if ((m = MYSQL.matcher(line)).matches()) {
                return Optional.of(new SyslogLine(local(m, zone), "", "mysqld", -1, m.group(3)));
            }
            if ((m = MYSQL_OLD.matcher(line)).matches()) {
                Instant t = LocalDateTime.parse(m.group(1) + " " + m.group(2), MYSQL_OLD_TIME).atZone(zone).toInstant();
                return Optional.of(new SyslogLine(t, "", "mysqld", -1, m.group(3)));
            }
            if ((m = POSTGRES.matcher(line)).matches()) {
                LocalDateTime t = LocalDateTime.parse(m.group(1) + " " + m.group(2), LOCAL);
                long nanos = m.group(3) == null ? 0 : Long.parseLong((m.group(3).substring(1) + "00000000").substring(0, 9));
                return Optional.of(new SyslogLine(t.atZone(zone(m.group(4), zone)).toInstant().plusNanos(nanos), "",
                        "postgres", Long.parseLong(m.group(5)), m.group(6)));
            }
        } catch (DateTimeException | NumberFormatException e) {
            // a line that only looks like one of them
        }
        return Optional.empty();
    }

    private static Instant local(Matcher m, ZoneId zone) {
        return LocalDateTime.parse(m.group(1) + " " + m.group(2), LOCAL).atZone(zone).toInstant();
    }

    /** PostgreSQL's %m zone: "UTC", "CET", "+01"; the host's when it names none Java knows. */
    private static ZoneId zone(String name, ZoneId host) {
        try {
            return name.startsWith("+") || name.startsWith("-")
                    ? OffsetDateTime.parse("2000-01-01T00:00:00" + name + (name.length() == 3 ? ":00" : "")).getOffset()
                    : ZoneId.of(name, ZoneId.SHORT_IDS);
        } catch (DateTimeException e) {
            return host;
        }
    }
}
