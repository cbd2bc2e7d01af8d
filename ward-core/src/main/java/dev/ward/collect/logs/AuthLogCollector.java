package dev.ward.collect.logs;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.AdminEvent;
import dev.ward.model.CollectionError;
import dev.ward.model.LogEvent;
import dev.ward.model.LoginEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The login events and administrative actions of the authentication logs ({@code /var/log/auth.log}
 * on Debian, {@code /var/log/secure} on Red Hat) and their rotations ({@code .1}, {@code .2.gz},
 * ...), read oldest first, line by line, so a log of gigabytes is never held whole; or of the
 * systemd journal where there is no such file ({@link Journal}: Debian 12 installs no syslog
 * daemon; where one runs, its files hold the journal's messages, which are then not read twice).
 * Each file's traditional timestamps get their year from its mtime and their zone from the host's
 * ({@link HostZone}). Then the logs services keep themselves ({@link ServiceLines}: FTP, MySQL,
 * PostgreSQL, dpkg), apt's history ({@link AptHistory}), cron's own log, and the cron lines of {@code syslog} or {@code messages}
 * where cron has no log of its own.
 */
public final class AuthLogCollector implements Collector<LoginEvent> {
    static final List<HostPath> LOGS = paths("/var/log/auth.log", "/var/log/secure", "/var/log/mail.log",
            "/var/log/maillog");
    static final List<HostPath> SERVICE_LOGS = paths("/var/log/vsftpd.log", "/var/log/proftpd/proftpd.log",
            "/var/log/mysql/error.log", "/var/log/mysqld.log", "/var/log/mariadb/mariadb.log", "/var/log/dpkg.log");
    static final HostPath POSTGRES_LOGS = HostPath.of("/var/log/postgresql");
    static final List<HostPath> CRON_LOGS = paths("/var/log/cron", "/var/log/cron.log");
    static final List<HostPath> SYSLOGS = paths("/var/log/syslog", "/var/log/messages");

    private final List<HostPath> files;
    private final Instant from;
    private final Instant to;

    public AuthLogCollector() {
        this(List.of(), Instant.MIN, Instant.MAX);
    }

    /**
     * Reads {@code files} (inside the root) instead of the usual logs (empty for the usual), and
     * keeps the events from {@code from} to {@code to}.
     */
    public AuthLogCollector(List<HostPath> files, Instant from, Instant to) {
        this.files = List.copyOf(files);
        this.from = from;
        this.to = to;
    }

    @Override
    public String source() {
        return "logins";
    }

    @Override
    public Class<LoginEvent> type() {
        return LoginEvent.class;
    }

    @Override
    public CollectResult<LoginEvent> collect(Scan scan) {
        List<LoginEvent> out = new ArrayList<>();
        List<CollectionError> errors = stream(scan.root(), e -> {
            if (e instanceof LoginEvent login) {
                out.add(login);
            }
        });
        return new CollectResult<>(out, errors);
    }

    /**
     * Hands each event in the window to {@code sink} as it is read, file by file, oldest first,
     * holding none of them: for logs too large to keep ({@link LoginLedger}). Returns the files that
     * could not be read, as errors.
     */
    public List<CollectionError> stream(HostRoot root, Consumer<LogEvent> sink) {
        return stream(root, sink, r -> { });
    }

    /** {@link #stream(HostRoot, Consumer)}, with each file's {@link Rhythm} once it is read. */
    public List<CollectionError> stream(HostRoot root, Consumer<LogEvent> sink, Consumer<Rhythm> rhythms) {
        ZoneId zone = HostZone.of(root);
        List<CollectionError> errors = new ArrayList<>();
        LogFiles logs = new LogFiles(root, "logins", errors);
        Consumer<LogEvent> inWindow = e -> {
            if (!e.time().isBefore(from) && !e.time().isAfter(to)) {
                sink.accept(e);
            }
        };
        List<HostPath> texts = files.isEmpty() ? logs.rotations(LOGS) : files;
        if (texts.isEmpty()) {
            Journal.read(root, inWindow, rhythms, errors);
        }
        for (HostPath file : texts) {
            Rhythm rhythm = new Rhythm(file.display());
            read(logs, file, zone, inWindow, rhythm::line);
            rhythms.accept(rhythm);
        }
        if (files.isEmpty()) {
            for (HostPath file : serviceLogs(logs)) {
                read(logs, file, zone, inWindow, (t, at) -> { });
            }
            for (HostPath file : logs.rotations(List.of(AptHistory.LOG))) {
                AptHistory.read(logs, file, zone, inWindow);
            }
            List<HostPath> cron = logs.rotations(CRON_LOGS);
            Consumer<LogEvent> cronOnly = e -> {
                if (e instanceof AdminEvent a && a.kind() == AdminEvent.Kind.CRON_COMMAND) {
                    inWindow.accept(a);
                }
            };
            for (HostPath file : cron.isEmpty() ? logs.rotations(SYSLOGS) : cron) {
                read(logs, file, zone, cron.isEmpty() ? cronOnly : inWindow, (t, at) -> { });
            }
        }
        return errors;
    }

    /** The service logs there are, PostgreSQL's by cluster ({@code postgresql-15-main.log}), with their rotations. */
    private static List<HostPath> serviceLogs(LogFiles logs) {
        List<HostPath> names = new ArrayList<>(SERVICE_LOGS);
        logs.names(POSTGRES_LOGS).stream().filter(n -> n.startsWith("postgresql-") && n.endsWith(".log")).sorted()
                .forEach(n -> names.add(POSTGRES_LOGS.resolve(n)));
        return logs.rotations(names);
    }

    /** Each line's time and number go to {@code timed} as it is read. */
    private interface Timed {
        void line(Instant time, long number);
    }

    /** One file's lines, their traditional timestamps given the year of its mtime. */
    private static void read(LogFiles logs, HostPath file, ZoneId zone, Consumer<LogEvent> out, Timed timed) {
        logs.read(file, st -> new FileLines(new SyslogParser(zone, st.mtime()), new LogMessages(), file.display(), out,
                timed));
    }

    /**
     * What reading one file does with each of its lines. A class rather than a lambda: the JIT
     * compiled a lambda's body twice, as its own method and inlined in the lambda's, each the whole
     * path of a line (a twentieth of a second of CPU in reading a million lines).
     */
    private record FileLines(SyslogParser parser, LogMessages messages, String name, Consumer<LogEvent> out,
                             Timed timed) implements LogFiles.LineConsumer {
        @Override
        public void accept(String line, long at) {
            SyslogLine l = parser.anyOrNull(line);
            if (l != null) {
                timed.line(l.time(), at);
                messages.events(l, name, at, out);
            }
        }
    }

    private static List<HostPath> paths(String... paths) {
        return Arrays.stream(paths).map(HostPath::of).toList();
    }
}
