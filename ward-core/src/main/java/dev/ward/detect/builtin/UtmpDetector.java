package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.logs.LastlogCollector;
import dev.ward.collect.logs.LoginLedger;
import dev.ward.collect.logs.UtmpCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.LastLogin;
import dev.ward.model.LoginEvent;
import dev.ward.model.Severity;
import dev.ward.model.UtmpRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Signs that wtmp and btmp were edited, which intruders do to hide their logins ({@code utclean},
 * {@code wzap} and their kin zero or cut records):
 * <ul>
 * <li>{@code linux.logs.utmp_zeroed_record} (high, T1070.002): a run of consecutive records of
 * nothing but zero bytes (one finding however long, a sparse file's holes included), with its
 * bytes, its count, and the records on either side, whose times say what span it hides.</li>
 * <li>{@code linux.logs.utmp_time_backwards} (medium, T1070.002): a record more than ten minutes
 * older than the one before it, with no clock change recorded between (types 3 and 4).</li>
 * <li>{@code linux.logs.wtmp_login_not_in_auth_log} (medium, T1070.002): a network login wtmp
 * recorded, at a time the authentication log covers, with no accepted login for that user within two
 * minutes of it there: lines removed from the log. The reverse (a login in the log, none in wtmp)
 * is not reported: sessions without a terminal (sftp, scp, commands) write no wtmp.</li>
 * <li>{@code linux.logs.lastlog_not_in_wtmp} (medium, T1070.002): lastlog's last login of a user,
 * at a time wtmp covers, with no login of that user in wtmp within two minutes of it: wtmp's record
 * removed, while lastlog, one record a user overwritten in place, was left.</li>
 * <li>{@code linux.logs.clock_changed} (low, T1070.006): the clock was set, as the pair of records
 * date(1) and friends write (types 4 and 3: the old time, then the new).</li>
 * <li>{@code linux.logs.unplanned_reboot} (low, T1529): a boot with no shutdown record (written by
 * systemd or init at a clean shutdown) since the boot before it.</li>
 * </ul>
 */
public final class UtmpDetector implements Detector {
    static final Duration BACKWARDS = Duration.ofMinutes(10);
    static final Duration MATCH = Duration.ofMinutes(2);

    private final AuthLogCollector logs;

    public UtmpDetector() {
        this(new AuthLogCollector());
    }

    public UtmpDetector(AuthLogCollector logs) {
        this.logs = logs;
    }

    @Override
    public String name() {
        return "utmp";
    }

    @Override
    public void detect(Scan scan, Results out) {
        List<UtmpRecord> records = out.take(scan.records(new UtmpCollector()));
        ZeroedRuns.report(records, out);
        UtmpRecord before = null;
        for (int i = 0; i < records.size(); i++) {
            UtmpRecord r = records.get(i);
            if (before != null && !before.file().equals(r.file())) {
                before = null;
            }
            if (r.isZeroed()) {
                continue;
            }
            UtmpRecord next = i + 1 < records.size() ? records.get(i + 1) : null;
            if (r.type() == UtmpRecord.OLD_TIME && next != null && next.type() == UtmpRecord.NEW_TIME
                    && r.time() != null && next.time() != null) {
                out.add(clockChanged(r, next));
            }
            if (r.type() == UtmpRecord.NEW_TIME || r.type() == UtmpRecord.OLD_TIME) {
                before = null; // a clock change: the times before and after are not comparable
                continue;
            }
            if (before != null && r.time() != null && before.time() != null
                    && r.time().isBefore(before.time().minus(BACKWARDS))) {
                out.add(backwards(r, before));
            }
            before = r.time() == null ? before : r;
        }
        missingFromAuthLog(records, LoginLedger.of(scan, logs), out);
        missingFromWtmp(records, out.take(scan.records(new LastlogCollector())), out);
        uncleanBoots(records, out);
    }

    private static Finding clockChanged(UtmpRecord old, UtmpRecord now) {
        Duration step = Duration.between(old.time(), now.time());
        return Finding.builder("linux.logs.clock_changed", Severity.LOW, "The clock was set")
                .summary("the clock went from " + old.time() + " to " + now.time() + " (" + step.toSeconds() + " s), as "
                        + old.file() + " recorded at offset " + old.offset())
                .evidence("from", old.time().toString()).evidence("to", now.time().toString())
                .evidence("seconds", step.toSeconds()).evidence("file", old.file()).evidence("offset", old.offset())
                .path(old.file()).attack("T1070.006")
                .remediation("Times logged around the change are shifted; an intruder sets the clock to blur a "
                        + "timeline or to date files: compare with NTP's logs.").build();
    }

    /** Each boot of wtmp after the first with no shutdown record since the boot before it. */
    private static void uncleanBoots(List<UtmpRecord> records, Results out) {
        UtmpRecord lastBoot = null;
        boolean shutdown = false;
        for (UtmpRecord r : records) {
            if (!r.file().contains("wtmp") || r.isZeroed()) {
                continue;
            }
            if (r.type() == UtmpRecord.RUN_LVL && r.user().equals("shutdown")) {
                shutdown = true;
            } else if (r.type() == UtmpRecord.BOOT_TIME) {
                if (lastBoot != null && !shutdown) {
                    out.add(uncleanBoot(r, lastBoot));
                }
                lastBoot = r;
                shutdown = false;
            }
        }
    }

    private static Finding uncleanBoot(UtmpRecord boot, UtmpRecord before) {
        return Finding.builder("linux.logs.unplanned_reboot", Severity.LOW, "Boot without a clean shutdown before it")
                .summary("booted at " + time(boot) + " (" + boot.host() + ") with no shutdown recorded since the boot at "
                        + time(before) + ": a crash, a power cut or a hard reset")
                .evidence("boot", time(boot)).evidence("kernel", boot.host()).evidence("previous_boot", time(before))
                .evidence("file", boot.file()).evidence("offset", boot.offset()).path(boot.file()).attack("T1529")
                .remediation("Find out why the host went down (the journal of the boot before, the hypervisor's "
                        + "console): an intruder may have rebooted it into a new kernel or module.").build();
    }

    private static Finding backwards(UtmpRecord r, UtmpRecord before) {
        return Finding.builder("linux.logs.utmp_time_backwards", Severity.MEDIUM, "Time goes backwards in " + r.file())
                .summary(r.file() + " at offset " + r.offset() + " is dated " + r.time() + ", before the record ahead of "
                        + "it (" + before.time() + ", offset " + before.offset() + "), with no clock change recorded")
                .evidence("file", r.file()).evidence("offset", r.offset()).evidence("time", r.time().toString())
                .evidence("previous_time", before.time().toString()).path(r.file()).attack("T1070.002")
                .remediation("Records were moved or rewritten, or the clock was set back without a record of it: "
                        + "compare the span with other logs.").build();
    }

    private static void missingFromAuthLog(List<UtmpRecord> records, LoginLedger ledger, Results out) {
        Map<String, NavigableSet<Instant>> accepted = new HashMap<>();
        ledger.successes().forEach(s -> accepted.computeIfAbsent(s.event().user(), k -> new TreeSet<>()).add(s.event().time()));
        Instant first = ledger.first();
        Instant last = ledger.last();
        if (first == null) {
            return; // no authentication log to compare with
        }
        for (UtmpRecord r : records) {
            boolean network = r.type() == UtmpRecord.USER_PROCESS && !r.host().isEmpty() && !r.host().startsWith(":")
                    && r.file().contains("wtmp") && r.time() != null;
            if (!network || r.time().isBefore(first) || r.time().isAfter(last) || near(accepted.get(r.user()), r.time())) {
                continue;
            }
            out.add(Finding.builder("linux.logs.wtmp_login_not_in_auth_log", Severity.MEDIUM,
                            "Login in wtmp that the authentication log lacks")
                    .summary(r.user() + " from " + r.host() + " on " + r.line() + " at " + r.time() + " (" + r.file()
                            + " offset " + r.offset() + "): no accepted login for " + r.user() + " within two minutes "
                            + "in the authentication log, which covers " + first + " to " + last)
                    .evidence("user", r.user()).evidence("host", r.host()).evidence("time", r.time().toString())
                    .evidence("file", r.file()).evidence("offset", r.offset()).path(r.file()).attack("T1070.002")
                    .remediation("Lines may have been removed from the log: compare with the journal and a remote "
                            + "log server for that minute.").build());
        }
    }

    private static void missingFromWtmp(List<UtmpRecord> records, List<LastLogin> last, Results out) {
        Map<String, NavigableSet<Instant>> logins = new HashMap<>();
        Instant first = null;
        for (UtmpRecord r : records) {
            if (r.file().contains("wtmp") && r.time() != null) {
                first = first == null || r.time().isBefore(first) ? r.time() : first;
                if (r.type() == UtmpRecord.USER_PROCESS) {
                    logins.computeIfAbsent(r.user(), k -> new TreeSet<>()).add(r.time());
                }
            }
        }
        if (first == null) {
            return; // no wtmp to compare with
        }
        for (LastLogin l : last) {
            if (l.time().isBefore(first) || near(logins.get(l.user()), l.time())) {
                continue;
            }
            out.add(Finding.builder("linux.logs.lastlog_not_in_wtmp", Severity.MEDIUM,
                            "Last login in lastlog that wtmp lacks")
                    .summary(l.user() + " last logged in at " + l.time() + (l.host().isEmpty() ? "" : " from " + l.host())
                            + (l.line().isEmpty() ? "" : " on " + l.line()) + " (" + l.file() + "): no login of "
                            + l.user() + " within two minutes in wtmp, which covers " + first + " onwards")
                    .evidence("user", l.user()).evidence("host", l.host().isEmpty() ? null : l.host())
                    .evidence("line", l.line().isEmpty() ? null : l.line()).evidence("time", l.time().toString())
                    .evidence("file", l.file()).path(l.file()).attack("T1070.002")
                    .remediation("wtmp's record of that login may have been removed: look for it in the "
                            + "authentication log, the journal and a remote log server.").build());
        }
    }

    /** Whether one of {@code times} is within {@link #MATCH} of {@code t}. */
    private static boolean near(NavigableSet<Instant> times, Instant t) {
        Instant next = times == null ? null : times.ceiling(t.minus(MATCH));
        return next != null && !next.isAfter(t.plus(MATCH));
    }

    static String time(UtmpRecord r) {
        return r == null || r.time() == null ? "?" : r.time().toString();
    }
}
