package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.AdminEvent;
import dev.ward.model.CollectionError;
import dev.ward.model.LogEvent;
import dev.ward.model.LoginEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLinesTest {
    static final Path PLASO = Path.of("../../shared/datasets/logs/plaso");

    static List<LogEvent> read(List<String> lines, ZoneId zone) {
        SyslogParser p = new SyslogParser(zone, Instant.parse("2030-01-01T00:00:00Z"));
        LogMessages messages = new LogMessages();
        List<LogEvent> out = new ArrayList<>();
        long n = 0;
        for (String line : lines) {
            long at = ++n;
            p.parseAny(line).ifPresent(l -> messages.events(l, "/f", at, out::add));
        }
        return out;
    }

    /** Plaso's vsftpd.log: each "OK LOGIN" line a login by its user, at its time in the host's zone. */
    @Test
    void vsftpdsOwnLog() throws Exception {
        Path file = PLASO.resolve("vsftpd.log");
        assumeTrue(Files.isRegularFile(file), "no ../shared/datasets/logs: skipped");
        List<String> lines = Files.readAllLines(file);
        List<LoginEvent> logins = read(lines, ZoneId.of("Europe/Paris")).stream().map(LoginEvent.class::cast).toList();
        assertEquals(lines.stream().filter(l -> l.contains("] OK LOGIN: ")).count(), logins.size());
        assertTrue(logins.stream().allMatch(e -> e.kind() == LoginEvent.Kind.SUCCESS && e.service().equals("vsftpd")));
        LoginEvent first = logins.getFirst();
        assertEquals("jean", first.user());
        assertEquals("192.168.1.9", first.source());
        assertEquals(Instant.parse("2016-06-06T16:43:32Z"), first.time()); // 18:43:32 in Paris, summer time
        assertEquals(2, first.line());
    }

    /** Plaso's dpkg.log: its one install line (the status, startup and conffile lines are not actions). */
    @Test
    void dpkgLog() throws Exception {
        Path file = PLASO.resolve("dpkg.log");
        assumeTrue(Files.isRegularFile(file), "no ../shared/datasets/logs: skipped");
        List<AdminEvent> events = read(Files.readAllLines(file), ZoneOffset.UTC).stream().map(AdminEvent.class::cast).toList();
        assertEquals(1, events.size());
        AdminEvent e = events.getFirst();
        assertEquals(AdminEvent.Kind.PACKAGE_INSTALLED, e.kind());
        assertEquals("base-passwd", e.target());
        assertEquals("3.5.33", e.detail());
        assertEquals(Instant.parse("2016-08-06T17:35:39Z"), e.time());
    }

    /** Plaso's apt history.log: one run a block, at its start, with who asked for it where apt says. */
    @Test
    void aptHistory() throws Exception {
        Path file = PLASO.resolve("apt_history.log");
        assumeTrue(Files.isRegularFile(file), "no ../shared/datasets/logs: skipped");
        List<String> lines = Files.readAllLines(file);
        List<AdminEvent> runs = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        try (HostRoot root = HostRoot.open(PLASO)) {
            AptHistory.read(new LogFiles(root, "logins", errors), HostPath.of("/apt_history.log"), ZoneOffset.UTC,
                    e -> runs.add((AdminEvent) e));
        }
        assertEquals(List.of(), errors);
        assertEquals(lines.stream().filter(l -> l.startsWith("Start-Date: ")).count(), runs.size());
        assertEquals(lines.stream().filter(l -> l.startsWith("Requested-By: jxs (1005)")).count(),
                runs.stream().filter(e -> e.actor().equals("jxs")).count());
        AdminEvent first = runs.getFirst();
        assertEquals("apt-get upgrade --no-install-recommends --assume-yes", first.detail());
        assertEquals(Instant.parse("2019-07-10T16:38:08Z"), first.time());
        assertEquals(lines.indexOf("Start-Date: 2019-07-10  16:38:08") + 1, first.line());
    }

    /**
     * PostgreSQL's own log in Debian's prefix ({@code %m [%p] %q%u@%d }), with log_connections on: a
     * failed password takes the address its process received the connection from.
     */
    @Test
    void postgresqlTiesFailuresToTheirConnection() {
        List<LogEvent> events = read(List.of(
                "2026-11-20 03:12:00.101 UTC [4100] LOG:  connection received: host=192.0.2.7 port=50112",
                "2026-11-20 03:12:00.102 UTC [4101] LOG:  connection received: host=[local]",
                "2026-11-20 03:12:00.123 UTC [4100] postgres@shop FATAL:  password authentication failed for user \"postgres\"",
                "2026-11-20 03:12:00.124 UTC [4100] postgres@shop DETAIL:  Connection matched pg_hba.conf line 99",
                "2026-11-20 03:12:01.000 CET [4102] FATAL:  no pg_hba.conf entry for host \"198.51.100.4\", user \"admin\", "
                        + "database \"shop\", no encryption",
                "2026-11-20 03:12:02.000 UTC [4101] LOG:  connection authorized: user=bob database=shop application_name=psql",
                "Nov 20 03:12:03 db1 postgres[4103]: [3-1] FATAL:  password authentication failed for user \"eve\""),
                ZoneOffset.UTC);
        assertEquals(List.of(
                "failure postgres 192.0.2.7 2026-11-20T03:12:00.123Z",
                "failure admin 198.51.100.4 2026-11-20T02:12:01Z",
                "success bob  2026-11-20T03:12:02Z",
                "failure eve  2029-11-20T03:12:03Z"),
                events.stream().map(LoginEvent.class::cast)
                        .map(e -> e.kind().label() + " " + e.user() + " " + e.source() + " " + e.time()).toList());
    }
}
