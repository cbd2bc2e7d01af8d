package dev.ward.collect.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/** Writes synthetic captures in the pcap format (Ethernet, IPv4) for tests that need days of traffic. */
final class PcapWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    PcapWriter() {
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        out.writeBytes(h.array());
    }

    /** A TCP segment with {@code flags} (0x02 SYN). */
    PcapWriter tcp(Instant t, String src, String dst, int sport, int dport, int flags) {
        ByteBuffer l4 = ByteBuffer.allocate(20).order(ByteOrder.BIG_ENDIAN);
        l4.putShort((short) sport).putShort((short) dport).putInt(1).putInt(0).put((byte) 0x50).put((byte) flags);
        return ip(t, 6, src, dst, l4.array());
    }

    /** An ICMP echo (type 8 request, 0 reply) with an identifier and sequence number. */
    PcapWriter icmp(Instant t, String src, String dst, int type, int id, int seq) {
        ByteBuffer l4 = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        l4.put((byte) type).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) seq);
        return ip(t, 1, src, dst, l4.array());
    }

    private PcapWriter ip(Instant t, int proto, String src, String dst, byte[] l4) {
        ByteBuffer f = ByteBuffer.allocate(14 + 20 + l4.length).order(ByteOrder.BIG_ENDIAN);
        f.put(new byte[12]).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4.length)).putInt(0).put((byte) 64).put((byte) proto)
                .putShort((short) 0).put(bytes(src)).put(bytes(dst)).put(l4);
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt((int) t.getEpochSecond()).putInt(t.getNano() / 1000).putInt(f.capacity()).putInt(f.capacity());
        out.writeBytes(r.array());
        out.writeBytes(f.array());
        return this;
    }

    private static byte[] bytes(String dotted) {
        String[] p = dotted.split("\\.");
        return new byte[] {(byte) Integer.parseInt(p[0]), (byte) Integer.parseInt(p[1]), (byte) Integer.parseInt(p[2]),
            (byte) Integer.parseInt(p[3])};
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
