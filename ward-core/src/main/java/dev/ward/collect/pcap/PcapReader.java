package dev.ward.collect.pcap;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Reads packet captures in pcap (microsecond and nanosecond, either byte order) and pcapng
 * ({@link Pcapng}), streaming: each packet is decoded ({@link LinkLayer}) and handed on, none kept.
 * A file that is no capture, or one damaged or cut short, is a {@link CaptureFormatException}
 * naming the file and the offset of the header, record or block at fault, thrown once every
 * packet before it has been handed on. No length read from the file is allocated before its bytes
 * are there.
 */
public final class PcapReader {
    /** libpcap's largest snap length: a captured length may reach it, or the file's snap length where that is more. */
    static final int MAX_SNAPLEN = 262_144;
    /** The most a packet record or block may hold (libpcap's largest pcapng block): past it, a length is damage. */
    static final int MAX_RECORD = 16 << 20;

    private final CaptureInput in;
    private final Frames frames;
    private final Consumer<Packet> out;
    private long packets;

    private PcapReader(CaptureInput in, Frames frames, Consumer<Packet> out) {
        this.in = in;
        this.frames = frames;
        this.out = out;
    }

    /**
     * Receives one frame before it is decoded, and says whether to keep it (a tcpdump filter); an
     * IllegalArgumentException says it cannot judge frames of that link type, which refuses the capture.
     */
    @FunctionalInterface
    public interface Frames {
        boolean keep(int linkType, byte[] frame, int length);
    }

    /** Reads {@code in} to its end; returns the number of packets. */
    public static long read(InputStream in, String name, Consumer<Packet> out) throws IOException {
        return read(in, name, (t, f, l) -> true, out);
    }

    /** Reads {@code in} to its end, decoding the frames {@code frames} keeps; returns the number of packets read. */
    public static long read(InputStream in, String name, Frames frames, Consumer<Packet> out) throws IOException {
        CaptureInput input = new CaptureInput(in, name);
        byte[] magic = input.peek(4);
        if (magic.length < 4) {
            throw input.refusal(0, magic.length == 0 ? "empty file, not a capture" : "file of " + magic.length
                    + " bytes, not a capture");
        }
        PcapReader reader = new PcapReader(input, frames, out);
        int m = ByteBuffer.wrap(magic).getInt();
        switch (m) {
            case 0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1 -> reader.pcap(m);
            case Pcapng.SECTION -> new Pcapng(input, reader).read();
            default -> throw input.refusal(0, String.format("not a pcap or pcapng capture (magic %08x)", m));
        }
        return reader.packets;
    }

    /** A pcap file: a 24-byte header (magic, version, snap length, link type), then records of a 16-byte header and the frame. */
    private void pcap(int magic) throws IOException {
        ByteOrder order = magic == 0xa1b2c3d4 || magic == 0xa1b23c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean nanos = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
        ByteBuffer h = in.need(0, 24, 24, "pcap file header", order);
        long limit = Math.min(Math.max(Integer.toUnsignedLong(h.getInt(16)), MAX_SNAPLEN), MAX_RECORD);
        int linkType = h.getInt(20) & 0x0fffffff;
        while (true) {
            long start = in.offset();
            ByteBuffer r = in.next(16, "packet record header", order);
            if (r == null) {
                return;
            }
            long captured = Integer.toUnsignedLong(r.getInt(8));
            if (captured > limit) {
                throw in.refusal(start, "captured length " + captured + " over the limit of " + limit + " bytes");
            }
            byte[] data = in.need(start, (int) captured, 16 + captured, "packet record", order).array();
            long fraction = Integer.toUnsignedLong(r.getInt(4));
            Instant time = Instant.ofEpochSecond(Integer.toUnsignedLong(r.getInt(0)), nanos ? fraction : fraction * 1000);
            frame(start, linkType, data, time, r.getInt(12));
        }
    }

    /** One packet read whole, from the record or block at {@code start}: counted, offered to the filter, decoded if kept. */
    void frame(long start, int linkType, byte[] data, Instant time, int length) throws CaptureFormatException {
        packets++;
        boolean keep;
        try {
            keep = frames.keep(linkType, data, length);
        } catch (IllegalArgumentException e) {
            throw in.refusal(start, e.getMessage());
        }
        if (keep) {
            LinkLayer.decode(linkType, data, time, length, out);
        }
    }
}
