package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ward.collect.pcap.PcapWriter;
import dev.ward.host.PacketCapture;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficCommandTest {
    @TempDir
    Path dir;

    @Test
    void filesOrACaptureNotBothNorNeither() throws Exception {
        MainTest.Run neither = ward("traffic");
        assertEquals(64, neither.status());
        assertTrue(neither.err().contains("give capture files to read, or --capture IFACE, not both"), neither.err());
        Path file = Files.createFile(dir.resolve("x.pcap"));
        assertEquals(64, ward("traffic", "--capture", "lo", "--dir", dir.toString(), file.toString()).status());
        MainTest.Run noDir = ward("traffic", "--capture", "lo");
        assertEquals(64, noDir.status());
        assertTrue(noDir.err().contains("--capture needs --dir DIR"), noDir.err());
        MainTest.Run shortRotation = ward("traffic", "--capture", "lo", "--dir", dir.toString(), "--rotate", "0s");
        assertEquals(64, shortRotation.status(), shortRotation.err());
    }

    /** Captures pings on the loopback for two seconds, then reports on what it recorded. */
    @Test
    @Tag("root")
    void capturesThenReports() throws Exception {
        assumeTrue(PacketCapture.available() && Files.isExecutable(Path.of("/usr/bin/ping")), "needs libpcap and ping");
        Process ping = new ProcessBuilder("ping", "-c", "10", "-i", "0.2", "127.0.0.1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path out = dir.resolve("pcap");
        MainTest.Run r = ward("traffic", "--capture", "lo", "--dir", out.toString(), "--rotate", "1s", "--duration", "2s",
                "--format", "json");
        ping.waitFor();
        assertEquals(0, r.status() & 64, r.err());
        assertTrue(r.err().matches("(?s)ward: captured [0-9]+ packets on lo into [0-9]+ files in .*"), r.err());
        JsonNode summary = new ObjectMapper().readTree(r.out()).get("summary");
        assertTrue(summary.get("protocols").get("icmp").asLong() >= 6, summary.toString());
        try (var files = Files.list(out)) {
            assertTrue(files.count() >= 2, "a file a second");
        }
    }

    @Test
    void emptyFileIsRefusedAndTheNextOneRead() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.pcap"));
        Path good = write("good.pcap", PcapWriter.join(pings(3).pcap()));
        JsonNode report = refused(ward("traffic", "--format", "json", empty.toString(), good.toString()),
                empty, 0, "empty file, not a capture");
        assertEquals(3, report.get("summary").get("packets").asLong(), "the file after it is read");
    }

    /** A FIFO is read as tcpdump writes it, and one with no writer is an empty capture, not a wait; a device is refused. */
    @Test
    void aFifoIsReadWithoutWaitingAndADeviceIsRefused() throws Exception {
        Path fifo = dir.resolve("live.pcap");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), () -> {
            refused(ward("traffic", "--format", "json", fifo.toString()), fifo, 0, "empty file, not a capture");
            var writer = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    Files.write(fifo, PcapWriter.join(pings(4).pcap()));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            Thread.sleep(200); // the writer waits in open(2) for a reader, which ward then is
            MainTest.Run read = ward("traffic", "--format", "json", fifo.toString());
            writer.join();
            assertEquals(0, read.status() & ~8, read.err());
            assertEquals(4, new ObjectMapper().readTree(read.out()).get("summary").get("packets").asLong());
            MainTest.Run zero = ward("traffic", "/dev/zero");
            assertEquals(65, zero.status(), zero.err());
            assertEquals("ward: /dev/zero: not a regular file or a pipe (a character device)\n", zero.err());
        });
    }

    @Test
    void cutShortLastPacket() throws Exception {
        List<byte[]> pcap = pings(3).pcap();
        byte[] whole = PcapWriter.join(pcap);
        Path file = write("cut.pcap", Arrays.copyOf(whole, whole.length - 5));
        refused(file, PcapWriter.offset(pcap, 3), "packet record cut short (53 of 58 bytes)", 2);
        List<byte[]> pcapng = pings(3).pcapng();
        whole = PcapWriter.join(pcapng);
        file = write("cut.pcapng", Arrays.copyOf(whole, whole.length - 5));
        refused(file, PcapWriter.offset(pcapng, 4), "enhanced packet block cut short (71 of 76 bytes)", 2);
    }

    /** A captured length of 2 GiB, past the snap length and libpcap's limit, or past its block. */
    @Test
    void hugeCapturedLength() throws Exception {
        List<byte[]> pcap = pings(3).pcap();
        le(pcap.get(2)).putInt(8, 0x7ffffff0);
        refused(write("huge.pcap", PcapWriter.join(pcap)), PcapWriter.offset(pcap, 2),
                "captured length 2147483632 over the limit of 262144 bytes", 1);
        List<byte[]> pcapng = pings(3).pcapng();
        le(pcapng.get(3)).putInt(20, 0x7ffffff0);
        refused(write("huge.pcapng", PcapWriter.join(pcapng)), PcapWriter.offset(pcapng, 3),
                "captured length 2147483632 longer than the block's 44 bytes of packet data", 1);
    }

    /** A second section that declares no interface before its packets. */
    @Test
    void pcapngWithoutInterfaceBlock() throws Exception {
        List<byte[]> parts = pings(3).pcapng();
        parts.add(4, parts.getFirst());
        refused(write("no-idb.pcapng", PcapWriter.join(parts)), PcapWriter.offset(parts, 5),
                "packet before any interface block", 2);
    }

    @Test
    void packetOfAnUndeclaredInterface() throws Exception {
        List<byte[]> parts = pings(3).pcapng();
        le(parts.get(3)).putInt(8, 3);
        refused(write("interface.pcapng", PcapWriter.join(parts)), PcapWriter.offset(parts, 3),
                "packet of interface 3, which no interface block declared (the section has 1)", 1);
    }

    /** Block lengths not a multiple of 4, less than a block's 12 bytes, past the end of the file. */
    @Test
    void oddBlockLengths() throws Exception {
        List<byte[]> parts = pings(3).pcapng();
        le(parts.get(3)).putInt(4, 33);
        refused(write("odd.pcapng", PcapWriter.join(parts)), PcapWriter.offset(parts, 3),
                "enhanced packet block length 33 is not a multiple of 4", 1);
        parts = pings(3).pcapng();
        le(parts.get(3)).putInt(4, 8);
        refused(write("short.pcapng", PcapWriter.join(parts)), PcapWriter.offset(parts, 3),
                "enhanced packet block length 8 is less than 32", 1);
        parts = pings(3).pcapng();
        le(parts.get(4)).putInt(4, 4000);
        refused(write("long.pcapng", PcapWriter.join(parts)), PcapWriter.offset(parts, 4),
                "enhanced packet block cut short (76 of 4000 bytes)", 2);
    }

    /** A link type libpcap cannot filter (147, reserved for users) given to a --filter: refused as tcpdump refuses it. */
    @Test
    void linkTypeTheFilterCannotJudge() throws Exception {
        assumeTrue(dev.ward.host.PacketFilter.compile("icmp").isPresent(), "needs libpcap");
        List<byte[]> parts = pings(2).pcap();
        le(parts.getFirst()).putInt(20, 147);
        Path file = write("user0.pcap", PcapWriter.join(parts));
        JsonNode report = refused(ward("traffic", "--format", "json", "--filter", "icmp", file.toString()), file, 24,
                "filter 'icmp': DLT 147 link-layer type filtering not implemented");
        assertEquals(0, report.get("summary").get("packets").asLong());
    }

    /** {@code ward traffic --format json FILE}: refused with exit 65, the packets before the damage reported. */
    private void refused(Path file, long offset, String reason, long packets) throws Exception {
        JsonNode report = refused(ward("traffic", "--format", "json", file.toString()), file, offset, reason);
        assertEquals(packets, report.get("summary").get("packets").asLong(), file + ": the packets before the damage");
    }

    /** Exit 65, one line on standard error naming the file and the offset, the same in the report's errors. */
    private static JsonNode refused(MainTest.Run r, Path file, long offset, String reason) throws Exception {
        assertEquals(65, r.status(), r.err());
        assertEquals("ward: " + file + ": offset " + offset + ": " + reason + "\n", r.err());
        JsonNode report = new ObjectMapper().readTree(r.out());
        JsonNode error = report.get("errors").get(0);
        assertEquals(List.of("traffic", file.toString(), "offset " + offset + ": " + reason),
                List.of(error.get("source").asText(), error.get("path").asText(), error.get("message").asText()));
        assertEquals(1, report.get("errors").size(), report.get("errors").toString());
        return report;
    }

    /** Echo requests a minute apart. */
    private static PcapWriter pings(int count) {
        PcapWriter w = new PcapWriter();
        for (int i = 0; i < count; i++) {
            w.icmp(Instant.parse("2026-11-20T00:00:00Z").plusSeconds(60L * i), "10.0.0.5", "192.0.2.1", 8, 7, i);
        }
        return w;
    }

    private Path write(String name, byte[] content) throws Exception {
        return Files.write(dir.resolve(name), content);
    }

    private static ByteBuffer le(byte[] part) {
        return ByteBuffer.wrap(part).order(ByteOrder.LITTLE_ENDIAN);
    }
}
