package dev.ward.run;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.logs.UtmpCollector;
import dev.ward.model.LoginEvent;
import dev.ward.model.LoginEvent.Kind;
import dev.ward.model.UtmpRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

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
            List<LoginEvent> events = scan.records(logs).records();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("login_events", events.size());
            events.stream().map(LoginEvent::time).min(java.util.Comparator.naturalOrder())
                    .ifPresent(t -> m.put("first", t.toString()));
            events.stream().map(LoginEvent::time).max(java.util.Comparator.naturalOrder())
                    .ifPresent(t -> m.put("last", t.toString()));
            m.put("logins_by_user", count(events, e -> e.kind() == Kind.SUCCESS, LoginEvent::user));
            m.put("logins_by_source", count(events, e -> e.kind() == Kind.SUCCESS && !e.source().isEmpty(), LoginEvent::source));
            m.put("failed_logins_by_source", count(events, e -> e.kind() == Kind.FAILURE, LoginEvent::source));
            m.put("invalid_users_by_source", count(events, e -> e.kind() == Kind.INVALID_USER, LoginEvent::source));
            List<UtmpRecord> utmp = scan.records(new UtmpCollector()).records();
            m.put("wtmp_logins_by_user", countUtmp(utmp, "wtmp", UtmpRecord.USER_PROCESS, UtmpRecord::user));
            m.put("btmp_failures_by_source", countUtmp(utmp, "btmp", UtmpRecord.LOGIN_PROCESS, UtmpRecord::host));
            m.put("boots", utmp.stream().filter(r -> r.type() == UtmpRecord.BOOT_TIME && r.time() != null)
                    .map(r -> r.time().toString()).toList());
            return m;
        };
    }

    private static Map<String, Long> countUtmp(List<UtmpRecord> records, String file, int type,
                                               Function<UtmpRecord, String> key) {
        Map<String, Long> out = new TreeMap<>();
        records.stream().filter(r -> r.file().contains(file) && r.type() == type && !r.zeroed())
                .forEach(r -> out.merge(key.apply(r), 1L, Long::sum));
        return out;
    }

    private static Map<String, Long> count(List<LoginEvent> events, Predicate<LoginEvent> which,
                                           Function<LoginEvent, String> key) {
        Map<String, Long> out = new TreeMap<>();
        events.stream().filter(which).forEach(e -> out.merge(key.apply(e), 1L, Long::sum));
        return out;
    }
}
