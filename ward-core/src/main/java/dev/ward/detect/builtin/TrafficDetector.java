package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.pcap.Packet;
import dev.ward.collect.pcap.TrafficLedger;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What captured traffic gives away:
 * <ul>
 * <li>{@code traffic.beacon} (medium, T1071): a flow that begins again at a steady rhythm (a beacon
 * score of {@value #SCORE} or more over {@value #MIN_EVENTS} beginnings or more, a minute or more
 * apart): malware calling home, however rarely; ranked by score.</li>
 * <li>{@code traffic.unsolicited_echo_reply} (medium, T1205): ICMP echo replies answering no request
 * in the captures, which ICMP back doors and tunnels send ("an unsolicited ICMP echo reply only a
 * few times each day").</li>
 * </ul>
 * The captures that could not be read to their end are the detector's collection errors.
 */
public final class TrafficDetector implements Detector {
    static final double SCORE = 0.9;
    static final int MIN_EVENTS = 4;
    static final Duration MIN_GAP = Duration.ofMinutes(1);

    private final TrafficLedger ledger;

    public TrafficDetector(TrafficLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "traffic";
    }

    @Override
    public void detect(Scan scan, Results out) {
        ledger.errors().forEach(out::error);
        for (TrafficLedger.Beacon b : ledger.beacons(MIN_EVENTS)) {
            if (b.score() < SCORE || b.median().compareTo(MIN_GAP) < 0) {
                continue;
            }
            var f = b.flow();
            out.add(Finding.builder("traffic.beacon", Severity.MEDIUM, "Flow that calls out at a steady rhythm")
                    .summary(String.format("%s began %d times, every %s or so (beacon score %.2f), %s to %s", f.name(),
                            f.events().size(), human(b.median()), b.score(), f.events().getFirst(), f.events().getLast()))
                    .evidence("flow", f.name()).evidence("events", f.events().size())
                    .evidence("interval_seconds", b.median().toSeconds()).evidence("score", Math.round(b.score() * 1000) / 1000.0)
                    .evidence("first", f.events().getFirst().toString()).evidence("last", f.events().getLast().toString())
                    .attack("T1071")
                    .remediation("Find the process that opens it on the host (ward net while it is open, or an audit rule "
                            + "on connect) and what " + f.dst() + " is.")
                    .build());
        }
        for (Map.Entry<String, List<Packet>> e : ledger.unsolicitedEchoReplies().entrySet()) {
            List<Packet> l = e.getValue();
            out.add(Finding.builder("traffic.unsolicited_echo_reply", Severity.MEDIUM, "ICMP echo replies nobody asked for")
                    .summary(l.size() + " ICMP echo repl" + (l.size() == 1 ? "y" : "ies") + " " + e.getKey()
                            + " answer no echo request in the captures, " + l.getFirst().time() + " to " + l.getLast().time())
                    .evidence("flow", e.getKey()).evidence("count", l.size()).evidence("first", l.getFirst().time().toString())
                    .evidence("last", l.getLast().time().toString()).attack("T1205", "T1095")
                    .remediation("ICMP back doors wait for such packets and tunnels carry data in them: look at their "
                            + "payloads (tshark -x) and for a process holding a raw socket on the receiving host.")
                    .build());
        }
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format("%.1f h", s / 3600.0) : s >= 60 ? String.format("%.1f min", s / 60.0) : s + " s";
    }
}
