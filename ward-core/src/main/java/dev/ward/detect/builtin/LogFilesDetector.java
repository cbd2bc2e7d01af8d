package dev.ward.detect.builtin;

import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.collect.logs.RsyslogTargets;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Logs that are gone or emptied, which intruders do to hide what they did:
 * <ul>
 * <li>{@code linux.logs.log_missing} (medium, T1070.002): a file rsyslog's configuration sends the
 * authentication messages or every message to ({@code /var/log/auth.log}, {@code /var/log/syslog},
 * {@code /var/log/secure}, {@code /var/log/messages}) is not there. Files of quiet facilities (mail
 * errors) are left out: rsyslog makes a file only when its first message comes.</li>
 * <li>{@code linux.logs.emptied_log} (medium, T1070.002): such a log is empty while its last
 * rotation is not. A log just rotated on a host that writes little looks the same: its mtime says
 * when it was emptied.</li>
 * </ul>
 */
public final class LogFilesDetector implements Detector {
    static final List<HostPath> CONFIGS = List.of(HostPath.of("/etc/rsyslog.conf"));
    static final HostPath CONFIG_DIR = HostPath.of("/etc/rsyslog.d");

    @Override
    public String name() {
        return "log_files";
    }

    @Override
    public void detect(Scan scan, Results out) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, name(), errors);
        List<HostPath> configs = new ArrayList<>(CONFIGS);
        files.entries(CONFIG_DIR).stream().filter(e -> e.name().endsWith(".conf")).forEach(e -> configs.add(e.path()));
        for (HostPath config : configs) {
            files.text(config).ifPresent(text -> {
                for (RsyslogTargets.Target t : RsyslogTargets.parse(text)) {
                    if (t.busy()) {
                        check(scan, config, t, out);
                    }
                }
            });
        }
        errors.forEach(out::error);
    }

    private static void check(Scan scan, HostPath config, RsyslogTargets.Target t, Results out) {
        HostPath log = HostPath.parse(t.path());
        Optional<FileStat> current = scan.root().lstatOrEmpty(log);
        String where = config.display() + ":" + t.line();
        if (current.isEmpty()) {
            out.add(Finding.builder("linux.logs.log_missing", Severity.MEDIUM, "A log rsyslog writes is missing")
                    .summary(t.path() + " is not there, though " + where + " sends " + t.selector() + " to it")
                    .evidence("log", t.path()).evidence("config", where).evidence("selector", t.selector())
                    .path(t.path()).attack("T1070.002")
                    .remediation("Find out when it went (the rotated copies, the journal, a remote log server): a "
                            + "deleted log is a sign someone hid what it held.").build());
            return;
        }
        if (current.get().size() > 0) {
            return;
        }
        for (String rotated : List.of(t.path() + ".1", t.path() + ".1.gz")) {
            Optional<FileStat> previous = scan.root().lstatOrEmpty(HostPath.parse(rotated)).filter(st -> st.size() > 0);
            if (previous.isPresent()) {
                out.add(Finding.builder("linux.logs.emptied_log", Severity.MEDIUM, "A log is empty beside a rotation that is not")
                        .summary(t.path() + " is empty (emptied or created at " + current.get().mtime() + ") while "
                                + rotated + " holds " + previous.get().size() + " bytes up to " + previous.get().mtime())
                        .evidence("log", t.path()).evidence("emptied", current.get().mtime().toString())
                        .evidence("rotated", rotated).evidence("rotated_last_write", previous.get().mtime().toString())
                        .path(t.path()).attack("T1070.002")
                        .remediation("If logrotate did not just run, the log was truncated: look for what it held in "
                                + "the journal or on a remote log server.").build());
                return;
            }
        }
    }
}
