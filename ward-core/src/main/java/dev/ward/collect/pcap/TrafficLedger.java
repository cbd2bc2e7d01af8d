package dev.ward.collect.pcap;

import dev.ward.model.CollectionError;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What captures hold, gathered packet by packet: counts by protocol, conversations (as {@code
 * tshark -z conv} pairs endpoints), the times each flow began again (TCP SYNs, UDP bursts, ICMP
 * echo requests) for beacon scoring, ICMP echo replies that answer no request seen, and the
 * captures that could not be read to their end.
 * {@code --ignore-standard} drops DNS, HTTP(S), SSH and NTP first, as the article's tcpdump filter
 * does.
 */
public final class TrafficLedger {
    static final Set<Integer> STANDARD_PORTS = Set.of(53, 80, 443, 22, 123);
    /** UDP packets of one flow closer than this are one event. */
    static final Duration BURST = Duration.ofSeconds(1);
    static final int FLOWS_KEPT = 100_000;
    /** Conversations counted; the packets of any past this many are counted apart, as untracked. */
    static final int CONVERSATIONS_KEPT = 1_000_000;
    static final int EVENTS_KEPT = 10_000;

    /** Both ends of a conversation, the lower first, and what passed between them. */
    public static final class Conversation {
        final String protocol;
        final String a;
        final String b;
        long packets;
        long bytes;
        Instant first;
        Instant last;

        Conversation(String protocol, String a, String b) {
            this.protocol = protocol;
            this.a = a;
            this.b = b;
        }

        public String protocol() {
            return protocol;
        }

        public long packets() {
            return packets;
        }

        public Map<String, Object> row() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("protocol", protocol);
            m.put("a", a);
            m.put("b", b);
            m.put("packets", packets);
            m.put("bytes", bytes);
            m.put("first", first.toString());
            m.put("last", last.toString());
            return m;
        }
    }

    /** A flow that keeps beginning again: protocol, source, destination and port, and when. */
    public record Flow(String protocol, String src, String dst, int dport, List<Instant> events) {
        public String name() {
            return protocol + " " + src + " -> " + dst + (dport >= 0 ? ":" + dport : "");
        }
    }

    /** A flow's regularity: {@link BeaconScore#score}, its events and their typical gap. */
    public record Beacon(Flow flow, double score, Duration median) {
    }

    private final boolean ignoreStandard;
    private long packets;
    private long kept;
    private long untracked;
    private final Map<String, Long> protocols = new TreeMap<>();
    private final Map<String, Conversation> conversations = new LinkedHashMap<>();
    private final Map<String, Flow> flows = new HashMap<>();
    private final Map<String, Instant> echoRequests = new HashMap<>();
    private final Map<String, List<Packet>> unsolicited = new LinkedHashMap<>();
    private final List<CollectionError> errors = new ArrayList<>();

    public TrafficLedger(boolean ignoreStandard) {
        this.ignoreStandard = ignoreStandard;
    }

    /** A packet that a filter left out: read, not kept. */
    public void dropped() {
        packets++;
    }

    public void add(Packet p) {
        packets++;
        if (ignoreStandard && (STANDARD_PORTS.contains(p.sport()) || STANDARD_PORTS.contains(p.dport()))
                && (p.protocol().equals("tcp") || p.protocol().equals("udp"))) {
            return;
        }
        kept++;
        protocols.merge(p.protocol(), 1L, Long::sum);
        if (p.src().isEmpty()) {
            return;
        }
        conversation(p);
        event(p);
        echo(p);
    }

    private void conversation(Packet p) {
        String x = p.src() + (p.sport() >= 0 ? ":" + p.sport() : "");
        String y = p.dst() + (p.dport() >= 0 ? ":" + p.dport() : "");
        boolean ordered = x.compareTo(y) <= 0;
        String key = p.protocol() + " " + (ordered ? x + " " + y : y + " " + x);
        if (conversations.size() >= CONVERSATIONS_KEPT && !conversations.containsKey(key)) {
            untracked++;
            return;
        }
        Conversation c = conversations.computeIfAbsent(key, k -> new Conversation(p.protocol(), ordered ? x : y, ordered ? y : x));
        c.packets++;
        c.bytes += p.length();
        c.first = c.first == null ? p.time() : c.first;
        c.last = p.time();
    }

    /** A TCP SYN, the first UDP packet after a second's quiet, an ICMP echo request: the flow began again. */
    private void event(Packet p) {
        boolean begins = p.syn() || p.protocol().equals("udp")
                || (p.icmpType() == 8 && p.protocol().equals("icmp")) || (p.icmpType() == 128 && p.protocol().equals("icmpv6"));
        if (!begins) {
            return;
        }
        String key = p.protocol() + " " + p.src() + " " + p.dst() + " " + p.dport();
        if (flows.size() >= FLOWS_KEPT && !flows.containsKey(key)) {
            return;
        }
        Flow f = flows.computeIfAbsent(key, k -> new Flow(p.protocol(), p.src(), p.dst(), p.dport(), new ArrayList<>()));
        List<Instant> e = f.events();
        if (e.size() >= EVENTS_KEPT) {
            return;
        }
        if (p.protocol().equals("udp") && !e.isEmpty() && Duration.between(e.getLast(), p.time()).compareTo(BURST) < 0) {
            return;
        }
        e.add(p.time());
    }

    private void echo(Packet p) {
        boolean v4 = p.protocol().equals("icmp");
        boolean v6 = p.protocol().equals("icmpv6");
        if (!v4 && !v6) {
            return;
        }
        if (p.icmpType() == (v4 ? 8 : 128)) {
            if (echoRequests.size() < FLOWS_KEPT) {
                echoRequests.put(p.src() + " " + p.dst() + " " + p.icmpId(), p.time());
            }
        } else if (p.icmpType() == (v4 ? 0 : 129) && !echoRequests.containsKey(p.dst() + " " + p.src() + " " + p.icmpId())) {
            List<Packet> l = unsolicited.computeIfAbsent(p.src() + " -> " + p.dst(), k -> new ArrayList<>());
            if (l.size() < EVENTS_KEPT) {
                l.add(p);
            }
        }
    }

    /** A capture damaged or cut short: the packets before the damage are counted, the rest of it is not read. */
    public void unreadable(CaptureFormatException e) {
        errors.add(new CollectionError("traffic", e.file(), e.problem()));
    }

    public List<CollectionError> errors() {
        return List.copyOf(errors);
    }

    public long packets() {
        return packets;
    }

    /** Packets left once a filter and the standard services were dropped (all of them without either). */
    public long kept() {
        return kept;
    }

    /** Packets of conversations past {@value #CONVERSATIONS_KEPT}, which the conversations leave out. */
    public long untracked() {
        return untracked;
    }

    public Map<String, Long> protocols() {
        return protocols;
    }

    public List<Conversation> conversations() {
        return List.copyOf(conversations.values());
    }

    /** Flows with at least {@code minEvents} beginnings, most regular first. */
    public List<Beacon> beacons(int minEvents) {
        List<Beacon> out = new ArrayList<>();
        for (Flow f : flows.values()) {
            if (f.events().size() >= minEvents) {
                List<Instant> e = new ArrayList<>(f.events());
                Collections.sort(e);
                out.add(new Beacon(f, BeaconScore.score(e), BeaconScore.median(e)));
            }
        }
        out.sort(Comparator.comparingDouble(Beacon::score).reversed()
                .thenComparing(b -> -b.flow().events().size()).thenComparing(b -> b.flow().name()));
        return out;
    }

    /** ICMP echo replies that answer no request in the captures, by source and destination. */
    public Map<String, List<Packet>> unsolicitedEchoReplies() {
        return Collections.unmodifiableMap(unsolicited);
    }
}
