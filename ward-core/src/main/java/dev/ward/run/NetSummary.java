package dev.ward.run;

import dev.ward.collect.Scan;
import dev.ward.collect.net.SocketCollector;
import dev.ward.model.SocketEntry;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The summary of {@code ward net}: every TCP, UDP, raw and packet socket with the process holding
 * it, listeners first, as {@code ss -tulpnw} shows them, under {@code "sockets"}.
 */
public final class NetSummary {
    private NetSummary() {
    }

    public static Function<Scan, Map<String, Object>> of(SocketCollector sockets) {
        return scan -> {
            List<SocketEntry> all = scan.records(sockets).records();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("listening", all.stream().filter(SocketEntry::listening).count());
            m.put("sockets", all.stream()
                    .sorted(Comparator.comparing((SocketEntry s) -> !s.listening()).thenComparing(SocketEntry::protocol)
                            .thenComparing(SocketEntry::local))
                    .map(NetSummary::row).toList());
            return m;
        };
    }

    private static Map<String, Object> row(SocketEntry s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("protocol", s.protocol());
        m.put("state", s.state());
        m.put("local", s.local());
        m.put("remote", s.remote());
        m.put("pid", s.pid() < 0 ? null : s.pid());
        m.put("program", s.program());
        m.put("user", s.user());
        m.put("inode", s.inode());
        return m;
    }
}
