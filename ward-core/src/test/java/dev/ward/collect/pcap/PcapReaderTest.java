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
        ByteBuffer.wrap(pcap.getFirst()).order(ByteOrder.LITTLE_ENDIAN).putInt(16, 16 << 20);
        ByteBuffer.wrap(pcap.get(2)).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 16_000_000);
        assertAllocatesLittle(PcapWriter.join(pcap), 1, "offset 82: packet record cut short (116 of 16000016 bytes)");
        List<byte[]> pcapng = pings(3).pcapng();
        ByteBuffer.wrap(pcapng.get(3)).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 16 << 20);
        assertAllocatesLittle(PcapWriter.join(pcapng), 1, "offset 124: enhanced packet block cut short (152 of 16777216 bytes)");
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
