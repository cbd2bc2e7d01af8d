package dev.ward.collect.logs;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import dev.ward.model.AdminEvent;
import dev.ward.model.LogEvent;
import dev.ward.model.LoginEvent;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The login events and administrative actions of the authentication logs ({@code /var/log/auth.log}
 * on Debian, {@code /var/log/secure} on Red Hat) and their rotations ({@code .1}, {@code .2.gz},
 * ...), read oldest first, line by line, so a log of gigabytes is never held whole; or of the
 * systemd journal where there is no such file ({@link Journal}: Debian 12 installs no syslog
 * daemon; where one runs, its files hold the journal's messages, which are then not read twice). Each file's traditional
 * timestamps get their year from its mtime and their zone from the host's ({@link HostZone}).
 */
public final class AuthLogCollector implements Collector<LoginEvent> {
    static final List<HostPath> LOGS = List.of(HostPath.of("/var/log/auth.log"), HostPath.of("/var/log/secure"),
            HostPath.of("/var/log/mail.log"), HostPath.of("/var/log/maillog"));

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
        Consumer<LogEvent> inWindow = e -> {
            if (!e.time().isBefore(from) && !e.time().isAfter(to)) {
                sink.accept(e);
            }
        };
        List<HostPath> texts = files.isEmpty() ? LogFiles.rotations(root, LOGS) : files;
        if (texts.isEmpty()) {
            Journal.read(root, inWindow, rhythms, errors);
        }
        for (HostPath file : texts) {
            try {
                Rhythm rhythm = new Rhythm(file.display());
                read(root, file, zone, inWindow, rhythm);
                rhythms.accept(rhythm);
            } catch (IOException e) {
                errors.add(new CollectionError(source(), "", e.getMessage()));
            }
        }
        return errors;
    }

    private static void read(HostRoot root, HostPath file, ZoneId zone, Consumer<LogEvent> out, Rhythm rhythm)
            throws IOException {
        FileStat st = root.lstat(file).orElseThrow(() -> new IOException(file.display() + ": not found"));
        SyslogParser parser = new SyslogParser(zone, st.mtime());
        String name = file.display();
        LogFiles.lines(root, file, (line, at) -> parser.parse(line).ifPresent(l -> {
            rhythm.line(l.time(), at);
            events(l, name, at, out);
        }));
    }

    /** The login or administrative events of one line of any log, syslog file or journal. */
    static void events(SyslogLine l, String file, long at, Consumer<LogEvent> out) {
        if (SshdMessages.isSshd(l.program())) {
            SshdMessages.events(l, file, at).forEach(out);
            return;
        }
        if (AdminMessages.PROGRAMS.contains(l.program())) {
            AdminEvent e = AdminMessages.event(l, file, at);
            if (e != null) {
                out.accept(e);
            }
        }
        LoginEvent failure = ServiceMessages.event(l, file, at);
        if (failure != null) {
            out.accept(failure);
        }
    }
}
