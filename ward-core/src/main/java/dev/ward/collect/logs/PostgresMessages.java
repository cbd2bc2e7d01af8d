package dev.ward.collect.logs;

import dev.ward.model.LoginEvent;
import dev.ward.model.LoginEvent.Kind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL's logins, from its own log or syslog:
 * <pre>
 * [4100] LOG:  connection received: host=192.0.2.1 port=50112        (with log_connections on)
 * [4100] bob@shop FATAL:  password authentication failed for user "bob"
 * [4101] FATAL:  no pg_hba.conf entry for host "192.0.2.1", user "bob", database "shop", no encryption
 * [4102] LOG:  connection authorized: user=bob database=shop
 * </pre>
 * A failed password names no address: the address is the one the same backend process received
 * the connection from, when the server logs connections; else the failure has none. So one of
 * these reads one log in order, remembering the latest connections' addresses by process.
 */
final class PostgresMessages {
    private static final int REMEMBERED = 4096;
    private static final String RECEIVED = "connection received: host=";
    private static final String PASSWORD = "password authentication failed for user \"";
    private static final String NO_ENTRY = "no pg_hba.conf entry for host \"";
    private static final String AUTHORIZED = "connection authorized: user=";

    private final Map<Long, String> hosts = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    static boolean isPostgres(String program) {
        return program.equals("postgres") || program.startsWith("postgresql");
    }

    /** The login of one line, or null; a connection's address is remembered for its process's next lines. */
    LoginEvent event(SyslogLine l, String file, long line) {
        String m = l.message();
        int at;
        if ((at = m.indexOf(RECEIVED)) >= 0) {
            String host = m.substring(at + RECEIVED.length()).split(" ", 2)[0];
            hosts.put(l.pid(), host.equals("[local]") ? "" : host);
            return null;
        }
        if ((at = m.indexOf(PASSWORD)) >= 0) {
            return event(l, Kind.FAILURE, quoted(m, at + PASSWORD.length()), hosts.getOrDefault(l.pid(), ""), file, line);
        }
        if ((at = m.indexOf(NO_ENTRY)) >= 0) {
            String host = quoted(m, at + NO_ENTRY.length());
            int user = m.indexOf("user \"", at);
            return event(l, Kind.FAILURE, user < 0 ? "" : quoted(m, user + 6), host, file, line);
        }
        if ((at = m.indexOf(AUTHORIZED)) >= 0) {
            String user = m.substring(at + AUTHORIZED.length()).split(" ", 2)[0];
            return event(l, Kind.SUCCESS, user, hosts.getOrDefault(l.pid(), ""), file, line);
        }
        return null;
    }

    /** The text from {@code at} to the next double quote. */
    private static String quoted(String m, int at) {
        int end = m.indexOf('"', at);
        return end < 0 ? m.substring(at) : m.substring(at, end);
    }

    private static LoginEvent event(SyslogLine l, Kind kind, String user, String host, String file, long line) {
        return ServiceMessages.event(l, "postgresql", kind, user, host, file, line);
    }
}
