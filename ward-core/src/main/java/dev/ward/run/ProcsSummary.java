package dev.ward.run;

import dev.ward.collect.Scan;
import dev.ward.collect.procs.ProcessBaseline;
import dev.ward.collect.procs.ProcessCollector;
import dev.ward.collect.procs.WatchCollector;
import dev.ward.model.ProcessEntry;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The summary of {@code ward procs}: every process, busiest first (CPU over the sample, then
 * resident memory), as {@code top} lists them, under {@code "processes"}; a table in the text report.
 * With a watch, {@code "watched"}: the processes born meanwhile, by kind, with how often each ran.
 */
public final class ProcsSummary {
    private ProcsSummary() {
    }

    public static Function<Scan, Map<String, Object>> of(ProcessCollector processes, WatchCollector watched) {
        return scan -> {
            List<ProcessEntry> born = scan.records(watched).records();
            List<ProcessEntry> all = scan.records(processes).records();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("process_count", all.size());
            m.put("processes", all.stream()
                    .sorted(Comparator.comparingDouble(ProcessEntry::cpuPercent).reversed()
                            .thenComparing(Comparator.comparingLong(ProcessEntry::rssKb).reversed())
                            .thenComparingInt(ProcessEntry::pid))
                    .map(ProcsSummary::row).toList());
            if (!born.isEmpty()) {
                m.put("watched", watched(born));
            }
            return m;
        };
    }

    /** The processes born during the watch, by kind (user, executable, arguments' shape), most frequent first. */
    private static List<Map<String, Object>> watched(List<ProcessEntry> born) {
        Map<String, List<ProcessEntry>> kinds = new LinkedHashMap<>();
        born.forEach(p -> kinds.computeIfAbsent(ProcessBaseline.key(p), k -> new ArrayList<>()).add(p));
        return kinds.values().stream().sorted(Comparator.comparingInt((List<ProcessEntry> l) -> l.size()).reversed())
                .map(l -> {
                    ProcessEntry first = l.getFirst();
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("runs", l.size());
                    m.put("user", first.user());
                    m.put("first", time(first));
                    m.put("last", time(l.getLast()));
                    m.put("exe", first.exe());
                    m.put("command", first.command());
                    return m;
                }).toList();
    }

    private static String time(ProcessEntry p) {
        return p.started() == null ? null : p.started().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Map<String, Object> row(ProcessEntry p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pid", p.pid());
        m.put("ppid", p.ppid());
        m.put("user", p.user());
        m.put("cpu", p.cpuPercent() < 0 ? null : Math.round(p.cpuPercent() * 10) / 10.0);
        m.put("rss_kb", p.rssKb());
        m.put("state", p.state());
        m.put("threads", p.threads());
        m.put("started", p.started() == null ? null : p.started().truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("name", p.name());
        m.put("exe", p.exe());
        m.put("cwd", p.cwd());
        m.put("command", p.kernelThread() ? "[" + p.name() + "]" : p.command());
        return m;
    }
}
