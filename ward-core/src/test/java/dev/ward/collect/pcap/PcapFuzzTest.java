package dev.ward.collect.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.Fuzz;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader on mutations of real captures: a capture made by {@link PcapWriter}, then rewritten
 * by Wireshark's editcap and mergecap (nanoseconds, Linux cooked and raw IP link types, pcapng with
 * their options, two interfaces in one section). Every input returns or is refused with one line
 * naming the offset within it; none takes over two seconds; the packets wholly before the first
 * mutated byte are reported as the undamaged capture reports them.
 */
class PcapFuzzTest {
    private static final int INPUTS = 100_000;

    @TempDir
    Path dir;

    @Test
    void pcap() throws Exception {
        Path pcap = capture();
        List<byte[]> seeds = List.of(Files.readAllBytes(pcap), Files.readAllBytes(convert(pcap, "-F", "nsecpcap")),
                Files.readAllBytes(convert(pcap, "-F", "pcap", "-T", "linux-sll")),
                Files.readAllBytes(convert(pcap, "-F", "pcap", "-T", "rawip")));
        fuzz("pcap-header", seeds, 0, INPUTS / 4, 1);
        fuzz("pcap", seeds, 500, INPUTS, 2);
    }

    @Test
    void pcapng() throws Exception {
        Path pcap = capture();
        Path cooked = convert(pcap, "-F", "pcap", "-T", "linux-sll2");
        Path two = dir.resolve("two.pcapng");
        TrafficTest.run("mergecap", "-F", "pcapng", "-w", two.toString(), pcap.toString(), cooked.toString());
        List<byte[]> seeds = List.of(Files.readAllBytes(convert(pcap, "-F", "pcapng")),
                Files.readAllBytes(convert(convert(pcap, "-F", "nsecpcap"), "-F", "pcapng")),
                Files.readAllBytes(convert(cooked, "-F", "pcapng")), Files.readAllBytes(two),
                PcapWriter.join(writer().pcapng()));
        fuzz("pcapng-header", seeds, 0, INPUTS / 4, 3);
        fuzz("pcapng", seeds, 700, INPUTS, 4);
    }

    /**
     * {@code count} inputs mutated at or after {@code from}; each seed's first {@code from} bytes
     * read alone give the packets every input made from it must begin with.
     */
    private static void fuzz(String name, List<byte[]> seeds, int from, int count, long seed) throws Exception {
        Map<ByteBuffer, List<Packet>> before = new HashMap<>();
        for (byte[] s : seeds) {
            assertTrue(s.length > from, name + ": a seed of " + s.length + " bytes");
            List<Packet> packets = read(name, Arrays.copyOf(s, from));
            assertTrue(from == 0 || !packets.isEmpty(), name + ": packets before byte " + from);
            before.put(ByteBuffer.wrap(s, 0, from), packets);
        }
        Fuzz.run(name, seeds, from, count, seed, Duration.ofSeconds(2), Set.of(), input -> {
            List<Packet> expected = before.get(ByteBuffer.wrap(input, 0, from));
            List<Packet> read = read(name, input);
            assertTrue(read.size() >= expected.size(), read.size() + " packets, " + expected.size() + " before the damage");
            assertEquals(expected, read.subList(0, expected.size()));
        });
    }

    /** The packets of {@code capture}, up to where it is refused; a refusal is one line naming an offset within it. */
    private static List<Packet> read(String name, byte[] capture) throws Exception {
        List<Packet> packets = new ArrayList<>();
        try {
            PcapReader.read(new ByteArrayInputStream(capture), name, packets::add);
        } catch (CaptureFormatException e) {
            assertTrue(e.getMessage().startsWith(name + ": offset "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            long offset = Long.parseLong(e.problem().substring("offset ".length(), e.problem().indexOf(':')));
            assertTrue(offset <= capture.length, e.getMessage() + " in " + capture.length + " bytes");
        }
        return packets;
    }

    /** Half a day of connections and pings to a few hosts, as pcap. */
    private Path capture() throws Exception {
        assumeTrue(TrafficTest.on("editcap") && TrafficTest.on("mergecap"), "needs Wireshark's editcap and mergecap");
        return Files.write(dir.resolve("seed.pcap"), writer().bytes());
    }

    private static PcapWriter writer() {
        Random r = new Random(7);
        PcapWriter w = new PcapWriter();
        Instant t = Instant.parse("2026-11-20T00:00:00Z");
        for (int i = 0; i < 24; i++) {
            t = t.plusSeconds(1 + r.nextInt(3600));
            String host = "198.51.100." + r.nextInt(4);
            if (i % 3 == 0) {
                w.icmp(t, "10.0.0.5", host, 8, 7, i);
            } else {
                w.tcp(t, "10.0.0.5", host, 40000 + r.nextInt(1000), i % 2 == 0 ? 443 : 8443, 0x02);
            }
        }
        return w;
    }

    private Path convert(Path from, String... options) throws Exception {
        Path to = dir.resolve(from.getFileName() + "-" + String.join("", options).replace("-", ""));
        List<String> command = new ArrayList<>(List.of("editcap"));
        command.addAll(List.of(options));
        command.addAll(List.of(from.toString(), to.toString()));
        TrafficTest.run(command.toArray(String[]::new));
        return to;
    }
}
