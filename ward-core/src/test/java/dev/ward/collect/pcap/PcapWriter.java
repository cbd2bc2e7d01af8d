package dev.ward.collect.pcap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes synthetic captures (Ethernet, IPv4) for tests that need days of traffic or a capture
 * damaged at a known place: as pcap, or as pcapng, little-endian, part by part (the file header or
 * a block, then one part a packet) so that a test can drop, change or cut one and know its offset.
 */
public final class PcapWriter {
    private final List<Instant> times = new ArrayList<>();
    private final List<byte[]> frames = new ArrayList<>();

    /** A TCP segment with {@code flags} (0x02 SYN). */
    public PcapWriter tcp(Instant t, String src, String dst, int sport, int dport, int flags) {
        ByteBuffer l4 = ByteBuffer.allocate(20).order(ByteOrder.BIG_ENDIAN);
        l4.putShort((short) sport).putShort((short) dport).putInt(1).putInt(0).put((byte) 0x50).put((byte) flags);
        return ip(t, 6, src, dst, l4.array());
    }

    /** An ICMP echo (type 8 request, 0 reply) with an identifier and sequence number. */
    public PcapWriter icmp(Instant t, String src, String dst, int type, int id, int seq) {
        ByteBuffer l4 = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN);
        l4.put((byte) type).put((byte) 0).putShort((short) 0).putShort((short) id).putShort((short) seq);
        return ip(t, 1, src, dst, l4.array());
    }

    private PcapWriter ip(Instant t, int proto, String src, String dst, byte[] l4) {
        ByteBuffer f = ByteBuffer.allocate(14 + 20 + l4.length).order(ByteOrder.BIG_ENDIAN);
        f.put(new byte[12]).putShort((short) 0x0800);
        f.put((byte) 0x45).put((byte) 0).putShort((short) (20 + l4.length)).putInt(0).put((byte) 64).put((byte) proto)
                .putShort((short) 0).put(bytes(src)).put(bytes(dst)).put(l4);
        times.add(t);
        frames.add(f.array());
        return this;
    }

    private static byte[] bytes(String dotted) {
        String[] p = dotted.split("\\.");
        return new byte[] {(byte) Integer.parseInt(p[0]), (byte) Integer.parseInt(p[1]), (byte) Integer.parseInt(p[2]),
            (byte) Integer.parseInt(p[3])};
    }

    /** The pcap file: its header, then a record a packet (microseconds, snap length 65535). */
    public List<byte[]> pcap() {
        List<byte[]> parts = new ArrayList<>();
        ByteBuffer h = le(24);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(1);
        parts.add(h.array());
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            Instant t = times.get(i);
            ByteBuffer r = le(16 + f.length);
            r.putInt((int) t.getEpochSecond()).putInt(t.getNano() / 1000).putInt(f.length).putInt(f.length).put(f);
            parts.add(r.array());
        }
        return parts;
    }

    /** The pcapng file: a section header, one Ethernet interface (microseconds), an enhanced packet block a packet. */
    public List<byte[]> pcapng() {
        List<byte[]> parts = new ArrayList<>();
        parts.add(block(0x0a0d0d0a, le(16).putInt(0x1a2b3c4d).putShort((short) 1).putShort((short) 0).putLong(-1).array()));
        parts.add(block(1, le(8).putShort((short) 1).putShort((short) 0).putInt(65535).array()));
        for (int i = 0; i < frames.size(); i++) {
            byte[] f = frames.get(i);
            Instant t = times.get(i);
            long micros = t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
            ByteBuffer b = le(20 + (f.length + 3) / 4 * 4);
            b.putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros).putInt(f.length).putInt(f.length).put(f);
            parts.add(block(6, b.array()));
        }
        return parts;
    }

    /** A pcapng block: type, total length, {@code body} (a multiple of 4 bytes), total length again. */
    public static byte[] block(int type, byte[] body) {
        return le(12 + body.length).putInt(type).putInt(12 + body.length).put(body).putInt(12 + body.length).array();
    }

    /** The parts one after the other, as a file holds them. */
    public static byte[] join(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /** Where part {@code index} begins in {@link #join}'s file. */
    public static long offset(List<byte[]> parts, int index) {
        return parts.subList(0, index).stream().mapToLong(p -> p.length).sum();
    }

    public byte[] bytes() {
        return join(pcap());
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
