package dev.ward.collect.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.collect.Scan;
import dev.ward.detect.Results;
import dev.ward.detect.builtin.TrafficDetector;
import dev.ward.host.HostRoot;
import dev.ward.host.PacketCapture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficTest {
    @TempDir
    Path dir;

    static TrafficLedger read(Path file, boolean ignoreStandard) throws Exception {
        TrafficLedger ledger = new TrafficLedger(ignoreStandard);
        try (InputStream in = Files.newInputStream(file)) {
            PcapReader.read(in, file.toString(), ledger::add);
        }
        return ledger;
    }

    /**
     * One beacon every six hours (a couple of minutes' jitter) among three days of noise: random
     * connections, a chatty flow at uneven gaps; it ranks first. Three echo replies nobody asked for.
     */
    @Test
    void rareBeaconRanksFirst() throws Exception {
        Random r = new Random(42);
        Instant start = Instant.parse("2026-11-20T00:00:00Z");
        PcapWriter w = new PcapWriter();
        java.util.TreeMap<Instant, Runnable> events = new java.util.TreeMap<>();
        for (int i = 0; i < 12; i++) {
            Instant t = start.plus(Duration.ofHours(6L * i)).plusSeconds(r.nextInt(240) - 120);
            events.put(t, () -> w.tcp(t, "10.0.0.5", "203.0.113.9", 40000 + r.nextInt(1000), 8443, 0x02));
        }
        for (int i = 0; i < 400; i++) {
            Instant t = start.plusSeconds(r.nextInt(3 * 86400));
            String dst = "198.51.100." + r.nextInt(50);
            events.put(t, () -> w.tcp(t, "10.0.0.5", dst, 50000 + r.nextInt(1000), 1024 + r.nextInt(60000), 0x02));
        }
        Instant t0 = start;
        for (int i = 0; i < 60; i++) {
            t0 = t0.plusSeconds(60 + r.nextInt(3000));
            Instant t = t0;
            events.put(t, () -> w.tcp(t, "10.0.0.5", "192.0.2.80", 45000 + r.nextInt(1000), 5432, 0x02));
        }
        for (int i = 0; i < 3; i++) {
            Instant t = start.plus(Duration.ofHours(20L * i + 3));
            int seq = i;
            events.put(t, () -> w.icmp(t, "203.0.113.66", "10.0.0.5", 0, 0x1337, seq));
        }
        Instant p = start.plusSeconds(100);
        events.put(p, () -> w.icmp(p, "10.0.0.5", "192.0.2.1", 8, 7, 1));
        Instant q = start.plusSeconds(101);
        events.put(q, () -> w.icmp(q, "192.0.2.1", "10.0.0.5", 0, 7, 1));
        events.values().forEach(Runnable::run);
        Path file = dir.resolve("synthetic.pcap");
        Files.write(file, w.bytes());
        TrafficLedger ledger = read(file, false);
        assertEquals(events.size(), ledger.packets());
        TrafficLedger.Beacon first = ledger.beacons(3).getFirst();
        assertEquals("tcp 10.0.0.5 -> 203.0.113.9:8443", first.flow().name());
        assertTrue(first.score() > 0.9, first.toString());
        try (HostRoot live = HostRoot.live()) {
            Results out = new Results();
            new TrafficDetector(ledger).detect(new Scan(live, InstantSource.system()), out);
            assertEquals(List.of("traffic.beacon tcp 10.0.0.5 -> 203.0.113.9:8443",
                    "traffic.unsolicited_echo_reply 203.0.113.66 -> 10.0.0.5"),
                    out.findings().stream().map(f -> f.check() + " " + f.evidence().get("flow")).toList());
        }
    }

    /** A tcpdump filter compiled by libpcap keeps what tcpdump keeps from the same file. */
    @Test
    void tcpdumpFilter() throws Exception {
        PcapWriter w = new PcapWriter();
        Instant t = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < 30; i++) {
            w.tcp(t.plusSeconds(i), "10.0.0.5", "203.0.113.9", 40000 + i, i % 3 == 0 ? 8443 : 80, 0x02);
            w.icmp(t.plusSeconds(i), "10.0.0.5", "192.0.2.1", 8, 1, i);
        }
        Path file = dir.resolve("mixed.pcap");
        Files.write(file, w.bytes());
        var filter = dev.ward.host.PacketFilter.compile("tcp dst port 8443");
        assumeTrue(filter.isPresent(), "no libpcap: the filter is not available");
        try (dev.ward.host.PacketFilter f = filter.get()) {
            TrafficLedger ledger = new TrafficLedger(false);
            try (InputStream in = Files.newInputStream(file)) {
                PcapReader.read(in, file.toString(), (type, data, length) -> {
                    boolean keep = f.accepts(type, data, length);
                    if (!keep) {
                        ledger.dropped();
                    }
                    return keep;
                }, ledger::add);
            }
            assertEquals(60, ledger.packets());
            assertEquals(10, ledger.kept());
            if (on("tcpdump")) {
                assertEquals(run("tcpdump", "-r", file.toString(), "-n", "tcp dst port 8443").lines()
                        .filter(l -> l.contains(" IP ")).count(), ledger.kept());
            }
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> dev.ward.host.PacketFilter.compile("tcp port"));
        assertTrue(e.getMessage().startsWith("filter 'tcp port': "), e.getMessage());
    }

    @Test
    void notACapture() throws Exception {
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> PcapReader.read(
                new ByteArrayInputStream("GET / HTTP/1.1\r\n".getBytes()), "/tmp/x.pcap", p -> { }));
        assertEquals("/tmp/x.pcap: offset 0: not a pcap or pcapng capture (magic 47455420)", e.getMessage());
    }

    /**
     * Traffic on the loopback captured by tcpdump (pings, a TCP connection, UDP datagrams), read as
     * pcap and as pcapng (editcap), and counted as tshark counts the same file.
     */
    @Test
    @Tag("root")
    void loopbackCaptureAgreesWithTshark() throws Exception {
        assumeTrue(on("tcpdump") && on("tshark") && on("editcap") && on("ping"), "needs tcpdump, tshark and ping");
        Path pcap = dir.resolve("lo.pcap");
        Process dump = new ProcessBuilder("tcpdump", "-i", "lo", "-U", "-w", pcap.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("tcpdump.out").toFile()).start();
        Thread.sleep(1500);
        run("ping", "-c", "3", "-i", "0.2", "127.0.0.1");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             Socket client = new Socket("127.0.0.1", server.getLocalPort());
             Socket accepted = server.accept()) {
            client.getOutputStream().write("hello".getBytes());
            accepted.getInputStream().readNBytes(5);
        }
        try (DatagramSocket rx = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
             DatagramSocket tx = new DatagramSocket()) {
            for (int i = 0; i < 5; i++) {
                tx.send(new DatagramPacket(new byte[] {1, 2, 3}, 3, InetAddress.getByName("127.0.0.1"), rx.getLocalPort()));
                Thread.sleep(100);
            }
        }
        Thread.sleep(1000);
        dump.destroy();
        dump.waitFor();
        Path pcapng = dir.resolve("lo.pcapng");
        run("editcap", "-F", "pcapng", pcap.toString(), pcapng.toString());
        for (Path file : List.of(pcap, pcapng)) {
            TrafficLedger ledger = read(file, false);
            assertEquals(tshark(file, null), ledger.packets(), file + " packets");
            assertEquals(tshark(file, "icmp"), ledger.protocols().getOrDefault("icmp", 0L), file + " icmp");
            assertEquals(tshark(file, "tcp"), ledger.protocols().getOrDefault("tcp", 0L), file + " tcp");
            assertEquals(tshark(file, "udp && !icmp"), ledger.protocols().getOrDefault("udp", 0L), file + " udp");
            long tcpConversations = ledger.conversations().stream().filter(c -> c.protocol().equals("tcp")).count();
            assertEquals(conversations(file, "tcp"), tcpConversations, file + " tcp conversations");
            assertTrue(ledger.protocols().getOrDefault("icmp", 0L) >= 6, "three pings and their replies");
        }
    }

    /**
     * ward's own capture through libpcap: pings on the loopback, kept by an "icmp" filter, in a new
     * file every second, each a capture ward reads back.
     */
    @Test
    @Tag("root")
    void liveCaptureRotatesFiles() throws Exception {
        assumeTrue(PacketCapture.available() && on("ping"), "needs libpcap and ping");
        Path out = dir.resolve("capture");
        Process ping = new ProcessBuilder("ping", "-c", "14", "-i", "0.2", "127.0.0.1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        PacketCapture.Result r = PacketCapture.record("lo", "icmp", out, Duration.ofSeconds(1), Duration.ofMillis(2600),
                () -> false);
        ping.waitFor();
        assertTrue(r.files().size() >= 2, r.files().toString());
        long icmp = 0;
        long all = 0;
        for (Path file : r.files()) {
            assertTrue(file.getFileName().toString().matches("ward-lo-[0-9]{8}T[0-9]{6}Z\\.pcap"), file.toString());
            TrafficLedger ledger = read(file, false);
            icmp += ledger.protocols().getOrDefault("icmp", 0L);
            all += ledger.packets();
        }
        assertEquals(r.packets(), all, "every packet counted is in the files");
        assertEquals(all, icmp, "the filter kept only ICMP");
        assertTrue(icmp >= 10, "pings and their replies: " + icmp);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    }

    @Test
    @Tag("root")
    void captureOnNoSuchInterface() {
        assumeTrue(PacketCapture.available(), "needs libpcap");
        IOException e = assertThrows(IOException.class, () -> PacketCapture.record("ward-none0", null, dir,
                Duration.ofSeconds(1), Duration.ofSeconds(1), () -> false));
        assertTrue(e.getMessage().startsWith("capture on ward-none0: "), e.getMessage());
    }

    static boolean on(String tool) {
        return Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/usr/sbin", tool))
                || Files.isExecutable(Path.of("/bin", tool));
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static long tshark(Path file, String filter) throws Exception {
        String out = filter == null ? run("tshark", "-r", file.toString(), "-T", "fields", "-e", "frame.number")
                : run("tshark", "-r", file.toString(), "-Y", filter, "-T", "fields", "-e", "frame.number");
        return out.lines().filter(l -> l.matches("[0-9]+")).count(); // not tshark's warnings about running as root
    }

    private static long conversations(Path file, String kind) throws Exception {
        return run("tshark", "-r", file.toString(), "-q", "-z", "conv," + kind).lines().filter(l -> l.contains("<->")).count();
    }
}
