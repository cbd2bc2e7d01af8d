package dev.ward.collect.pcap;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads packet captures in pcap (microsecond and nanosecond, either byte order) and pcapng
 * (section, interface and enhanced or simple packet blocks, each interface's link type and time
 * resolution), streaming: each packet is decoded and handed on, none kept. Link types: Ethernet
 * (with VLAN tags), Linux cooked (SLL and SLL2), BSD loopback, and raw IPv4/IPv6. A capture cut
 * short ends the reading with what came before; a file that is no capture is an error naming the
 * offset.
 */
public final class PcapReader {
    private PcapReader() {
    }

    /** Receives one frame before it is decoded, and says whether to keep it (a tcpdump filter). */
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
        DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        byte[] magic = new byte[4];
        d.readFully(magic);
        int m = ByteBuffer.wrap(magic).order(ByteOrder.BIG_ENDIAN).getInt();
        return switch (m) {
            case 0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1 -> pcap(d, m, name, frames, out);
            case 0x0a0d0d0a -> pcapng(d, name, frames, out);
            default -> throw new CaptureFormatException(name + ": offset 0: not a pcap or pcapng capture (magic "
                    + String.format("%08x", m) + ")");
        };
    }

    private static long pcap(DataInputStream d, int magic, String name, Frames frames, Consumer<Packet> out)
            throws IOException {
        ByteOrder order = magic == 0xa1b2c3d4 || magic == 0xa1b23c4d ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean nanos = magic == 0xa1b23c4d || magic == 0x4d3cb2a1;
        ByteBuffer h = header(d, 20, order);
        if (h == null) {
            throw new CaptureFormatException(name + ": offset 4: header cut short");
        }
        int linkType = h.getInt(16) & 0x0fffffff;
        long n = 0;
        while (true) {
            ByteBuffer r = header(d, 16, order);
            if (r == null) {
                return n;
            }
            long seconds = Integer.toUnsignedLong(r.getInt(0));
            long fraction = Integer.toUnsignedLong(r.getInt(4));
            int captured = r.getInt(8);
            int length = r.getInt(12);
            if (captured < 0 || captured > 1 << 26) {
                throw new CaptureFormatException(name + ": packet " + (n + 1) + ": captured length " + captured + " is not sane");
            }
            byte[] data = new byte[captured];
            try {
                d.readFully(data);
            } catch (EOFException e) {
                return n; // the last packet cut short
            }
            Instant time = Instant.ofEpochSecond(seconds, nanos ? fraction : fraction * 1000);
            n++;
            if (frames.keep(linkType, data, length)) {
                LinkLayer.decode(linkType, data, time, length, out);
            }
        }
    }

    private static long pcapng(DataInputStream d, String name, Frames frames, Consumer<Packet> out) throws IOException {
        List<int[]> interfaces = new ArrayList<>(); // link type, log10 of units a second
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        long n = 0;
        int type = 0x0a0d0d0a;
        boolean first = true;
        while (true) {
            int total;
            byte[] body;
            if (first) {
                byte[] lenAndBom = new byte[8];
                d.readFully(lenAndBom);
                order = ByteBuffer.wrap(lenAndBom, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == 0x1a2b3c4d
                        ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                total = ByteBuffer.wrap(lenAndBom, 0, 4).order(order).getInt();
                body = new byte[total - 12];
                System.arraycopy(lenAndBom, 4, body, 0, 4);
                d.readFully(body, 4, total - 16);
                d.readFully(new byte[4]);
                first = false;
            } else {
                ByteBuffer h = header(d, 8, order);
                if (h == null) {
                    return n;
                }
                type = h.getInt(0);
                total = h.getInt(4);
                if (total < 12 || total > 1 << 26) {
                    throw new CaptureFormatException(name + ": block of length " + total + " after packet " + n);
                }
                body = new byte[total - 12];
                try {
                    d.readFully(body);
                    d.readFully(new byte[4]);
                } catch (EOFException e) {
                    return n;
                }
                if (type == 0x0a0d0d0a) {
                    order = ByteBuffer.wrap(body, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == 0x1a2b3c4d
                            ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
                }
            }
            ByteBuffer b = ByteBuffer.wrap(body).order(order);
            switch (type) {
                case 0x0a0d0d0a -> interfaces.clear();
                case 1 -> interfaces.add(new int[] {b.getShort(0) & 0xffff, resolution(b, 8)});
                case 6 -> {
                    int[] itf = interfaces.get(b.getInt(0));
                    long ts = (Integer.toUnsignedLong(b.getInt(4)) << 32) | Integer.toUnsignedLong(b.getInt(8));
                    int captured = b.getInt(12);
                    byte[] data = java.util.Arrays.copyOfRange(body, 20, 20 + captured);
                    n++;
                    if (frames.keep(itf[0], data, b.getInt(16))) {
                        LinkLayer.decode(itf[0], data, time(ts, itf[1]), b.getInt(16), out);
                    }
                }
                case 3 -> {
                    int[] itf = interfaces.getFirst();
                    byte[] data = java.util.Arrays.copyOfRange(body, 4, body.length);
                    n++;
                    if (frames.keep(itf[0], data, b.getInt(0))) {
                        LinkLayer.decode(itf[0], data, Instant.EPOCH, b.getInt(0), out);
                    }
                }
                default -> { } // name resolution, statistics and the like
            }
        }
    }

    /** An interface block's if_tsresol option (9): units a second as a power of ten (6, microseconds, by default). */
    private static int resolution(ByteBuffer b, int at) {
        while (at + 4 <= b.limit()) {
            int code = b.getShort(at) & 0xffff;
            int len = b.getShort(at + 2) & 0xffff;
            if (code == 0) {
                break;
            }
            if (code == 9 && len >= 1) {
                int v = b.get(at + 4);
                return (v & 0x80) == 0 ? v : -(v & 0x7f); // a power of two is written negative
            }
            at += 4 + ((len + 3) & ~3);
        }
        return 6;
    }

    private static Instant time(long ts, int resolution) {
        if (resolution < 0) {
            long per = 1L << -resolution;
            return Instant.ofEpochSecond(ts / per, (ts % per) * 1_000_000_000L / per);
        }
        long per = (long) Math.pow(10, resolution);
        return Instant.ofEpochSecond(ts / per, (ts % per) * (1_000_000_000L / per));
    }

    private static ByteBuffer header(DataInputStream d, int size, ByteOrder order) throws IOException {
        byte[] b = new byte[size];
        int got = d.readNBytes(b, 0, size);
        return got < size ? null : ByteBuffer.wrap(b).order(order);
    }
}
