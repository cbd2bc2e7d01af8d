package dev.ward.run;

import dev.ward.collect.Scan;
import dev.ward.collect.pcap.TrafficLedger;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The summary of {@code ward traffic}: {@code packets} (all read), {@code kept} (after
 * {@code --ignore-standard}), {@code protocols} (packets by IP protocol: tcp, udp, icmp...),
 * {@code conversations} (the busiest {@value #CONVERSATIONS_SHOWN}, with {@code conversation_count}
 * and {@code conversations_by_protocol} for all), and the {@code beacons} most regular first.
 */
public final class TrafficSummary {
    static final int CONVERSATIONS_SHOWN = 1000;
    static final int BEACONS_SHOWN = 10;

    private TrafficSummary() {
    }

    public static Function<Scan, Map<String, Object>> of(TrafficLedger ledger) {
        return scan -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("packets", ledger.packets());
            m.put("kept", ledger.kept());
            m.put("protocols", ledger.protocols());
            m.put("conversation_count", ledger.conversations().size());
            Map<String, Long> byProtocol = new TreeMap<>();
            ledger.conversations().forEach(c -> byProtocol.merge(c.protocol(), 1L, Long::sum));
            m.put("conversations_by_protocol", byProtocol);
            if (ledger.untracked() > 0) {
                m.put("packets_of_untracked_conversations", ledger.untracked());
            }
            m.put("conversations", ledger.conversations().stream()
                    .sorted(Comparator.comparingLong(TrafficLedger.Conversation::packets).reversed())
                    .limit(CONVERSATIONS_SHOWN).map(TrafficLedger.Conversation::row).toList());
            m.put("beacons", ledger.beacons(3).stream().limit(BEACONS_SHOWN).map(b -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("flow", b.flow().name());
                r.put("score", Math.round(b.score() * 1000) / 1000.0);
                r.put("events", b.flow().events().size());
                r.put("interval_seconds", b.median().toSeconds());
                return r;
            }).toList());
            return m;
        };
    }
}
