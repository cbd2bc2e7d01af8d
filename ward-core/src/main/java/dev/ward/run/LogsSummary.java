package dev.ward.run;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.logs.LastlogCollector;
import dev.ward.collect.logs.LoginLedger;
import dev.ward.collect.logs.UtmpCollector;
import dev.ward.collect.web.WebLedger;
import dev.ward.model.UtmpRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The summary of {@code ward logs}: logins per user and per source, failed logins per source
 * (each failed authentication once; an "Invalid user" line is a name tried, counted apart), and the
 * span the logs cover.
 */
public final class LogsSummary {
    private LogsSummary() {
    }

    public static Function<Scan, Map<String, Object>> of(AuthLogCollector logs) {
        return scan -> {
            LoginLedger ledger = LoginLedger.of(scan, logs);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("login_events", ledger.events());
            if (ledger.first() != null) {
                m.put("first", ledger.first().toString());
                m.put("last", ledger.last().toString());
            }
            m.put("logins_by_user", ledger.loginsByUser());
            m.put("logins_by_source", ledger.loginsBySource());
            m.put("failed_logins_by_source", ledger.failuresBySource());
            m.put("invalid_users_by_source", ledger.invalidUsersBySource());
            m.put("admin_actions", ledger.adminCounts());
            m.put("sudo_by_user", ledger.sudoByUser());
            m.put("sessions_by_user", ledger.sessionsByUser());
            Map<String, Map<String, Long>> cron = new TreeMap<>();
            ledger.cronCommands().forEach((user, commands) -> commands.forEach((command, c) ->
                    cron.computeIfAbsent(user, k -> new TreeMap<>()).put(command, c.runs())));
            m.put("cron_commands", cron);
            m.put("apt_commands", ledger.aptCommands().stream().map(e -> e.time() + " "
                    + (e.actor().isEmpty() ? "" : e.actor() + ": ") + e.detail()).toList());
            List<UtmpRecord> utmp = scan.records(new UtmpCollector()).records();
            m.put("wtmp_logins_by_user", countUtmp(utmp, "wtmp", UtmpRecord.USER_PROCESS, UtmpRecord::user));
            m.put("btmp_failures_by_source", countUtmp(utmp, "btmp", UtmpRecord.LOGIN_PROCESS, UtmpRecord::host));
            m.put("boots", times(utmp, r -> r.type() == UtmpRecord.BOOT_TIME));
            m.put("web_requests", WebLedger.of(scan).requests());
            Map<String, String> last = new TreeMap<>();
            scan.records(new LastlogCollector()).records().forEach(l -> last.merge(l.user(), l.time() + (l.host().isEmpty()
                    ? "" : " from " + l.host()) + (l.line().isEmpty() ? "" : " on " + l.line()), (a, b) -> a.compareTo(b) >= 0 ? a : b));
            m.put("last_login_by_user", last);
            m.put("shutdowns", times(utmp, r -> r.type() == UtmpRecord.RUN_LVL && r.user().equals("shutdown")));
            return m;
        };
    }

    private static List<String> times(List<UtmpRecord> records, java.util.function.Predicate<UtmpRecord> which) {
        return records.stream().filter(r -> r.file().contains("wtmp") && r.time() != null && which.test(r))
                .map(r -> r.time().toString()).toList();
    }

    private static Map<String, Long> countUtmp(List<UtmpRecord> records, String file, int type,
                                               Function<UtmpRecord, String> key) {
        Map<String, Long> out = new TreeMap<>();
        records.stream().filter(r -> r.file().contains(file) && r.type() == type && !r.isZeroed())
                .forEach(r -> out.merge(key.apply(r), 1L, Long::sum));
        return out;
    }
}
