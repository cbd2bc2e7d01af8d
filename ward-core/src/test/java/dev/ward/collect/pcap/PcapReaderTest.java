package dev.ward.collect.pcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader's limits on lengths an intruder writes into a capture. */
class PcapReaderTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /**
     * A pcap record claiming 16 MB (under the snap length a header may declare) and a pcapng block
     * claiming 16 MiB, each in a file of a few hundred bytes: refused as cut short, having allocated
     * what the file holds, not what it claims.
     */
    @Test
    void claimedLengthsAllocateOnlyWhatIsThere() {
        List<byte[]> pcap = pings(3).pcap();
        le(pcap.getFirst()).putInt(16, 16 << 20);
        le(pcap.get(2)).putInt(8, 16_000_000);
        assertAllocatesLittle(PcapWriter.join(pcap), 1, "offset 82: packet record cut short (116 of 16000016 bytes)");
        List<byte[]> pcapng = pings(3).pcapng();
        le(pcapng.get(3)).putInt(4, 16 << 20);
        assertAllocatesLittle(PcapWriter.join(pcapng), 1, "offset 124: enhanced packet block cut short (152 of 16777216 bytes)");
    }

    /**
     * A simple packet block holds a packet as long as it was on the wire, cut at the interface's
     * snap length; the block's padding to 4 bytes is not part of it.
     */
    @Test
    void simplePacketBlockIsItsPacketWithoutPadding() throws Exception {
        List<byte[]> parts = pings(1).pcapng();
        byte[] frame = Arrays.copyOfRange(parts.get(2), 28, 28 + 42);
        ByteBuffer spb = le(48).putInt(42).put(frame);
        parts.set(2, PcapWriter.block(3, spb.array()));
        assertEquals(List.of(42), frameLengths(PcapWriter.join(parts)));
        le(parts.get(1)).putInt(12, 40); // the interface's snap length
        assertEquals(List.of(40), frameLengths(PcapWriter.join(parts)));
    }

    /** if_tsresol: nanoseconds (10^-9) and 2^-20 of a second, each to the nanosecond it stands for. */
    @Test
    void timeResolutions() throws Exception {
        Instant t = Instant.parse("2026-11-20T10:15:30.123456789Z");
        List<byte[]> parts = pings(1).pcapng();
        byte[] frame = Arrays.copyOfRange(parts.get(2), 28, 28 + 42);
        for (int resolution : new int[] {9, 0x80 | 20}) {
            long units = resolution == 9 ? t.getEpochSecond() * 1_000_000_000L + t.getNano()
                    : (t.getEpochSecond() << 20) + (t.getNano() * (1L << 20)) / 1_000_000_000L;
            parts.set(1, PcapWriter.block(1, le(20).putShort((short) 1).putShort((short) 0).putInt(0)
                    .putShort((short) 9).putShort((short) 1).put((byte) resolution).array()));
            parts.set(2, PcapWriter.block(6, le(64).putInt(0).putInt((int) (units >>> 32)).putInt((int) units)
                    .putInt(42).putInt(42).put(frame).array()));
            List<Packet> read = new ArrayList<>();
            PcapReader.read(new ByteArrayInputStream(PcapWriter.join(parts)), "x", read::add);
            long nanos = resolution == 9 ? t.getNano() : (units & 0xfffff) * 1_000_000_000L >> 20;
            assertEquals(Instant.ofEpochSecond(t.getEpochSecond(), nanos), read.getFirst().time(), "resolution " + resolution);
        }
    }

    private static List<Integer> frameLengths(byte[] capture) throws Exception {
        List<Integer> lengths = new ArrayList<>();
        PcapReader.read(new ByteArrayInputStream(capture), "x", (type, frame, length) -> lengths.add(frame.length), p -> { });
        return lengths;
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer le(byte[] part) {
        return ByteBuffer.wrap(part).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static void assertAllocatesLittle(byte[] capture, int packets, String problem) {
        List<Packet> read = new ArrayList<>();
        long before = THREADS.getCurrentThreadAllocatedBytes();
        CaptureFormatException e = assertThrows(CaptureFormatException.class,
                () -> PcapReader.read(new ByteArrayInputStream(capture), "x", read::add));
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
        assertEquals("x: " + problem, e.getMessage());
        assertEquals(packets, read.size());
        assertTrue(allocated < 1 << 20, allocated + " bytes allocated");
    }

    private static PcapWriter pings(int count) {
        PcapWriter w = new PcapWriter();
        for (int i = 0; i < count; i++) {
            w.icmp(Instant.parse("2026-11-20T00:00:00Z").plusSeconds(60L * i), "10.0.0.5", "192.0.2.1", 8, 7, i);
        }
        return w;
    }
}
