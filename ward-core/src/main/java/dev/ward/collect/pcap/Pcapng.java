package dev.ward.collect.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The pcapng format: blocks of a type and a total length (12 or more, a multiple of 4, given again
 * at the block's end), in sections that each begin with a section header block, whose byte-order
 * magic sets the order of the section's numbers, and declare their interfaces (link type, snap
 * length, time resolution) before the packets that name them. Enhanced and simple packet blocks
 * carry packets; the other blocks (name resolution, statistics, custom) are passed over.
 */
final class Pcapng {
    static final int SECTION = 0x0a0d0d0a;
    private static final int INTERFACE = 1;
    private static final int SIMPLE = 3;
    private static final int ENHANCED = 6;
    private static final long NANOS = 1_000_000_000L;

    /** An interface block: its link type, snap length (0: none) and time-stamp units a second. */
    private record Interface(int linkType, long snapLength, long unitsPerSecond) {
    }

    /** A block type's name in refusals, and the least total length of its fixed fields. */
    private record Kind(String name, int least) {
        static Kind of(int type) {
            return switch (type) {
                case SECTION -> new Kind("section header block", 28); // byte-order magic, version, section length
                case INTERFACE -> new Kind("interface block", 20); // link type, snap length
                case ENHANCED -> new Kind("enhanced packet block", 32); // interface, time, lengths
                case SIMPLE -> new Kind("simple packet block", 16); // length
                default -> new Kind("block", 12);
            };
        }
    }

    private final CaptureInput in;
    private final PcapReader packets;
    private final List<Interface> interfaces = new ArrayList<>();
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    Pcapng(CaptureInput in, PcapReader packets) {
        this.in = in;
        this.packets = packets;
    }

    void read() throws IOException {
        while (true) {
            long start = in.offset();
            ByteBuffer h = in.next(8, "block header", order);
            if (h == null) {
                return;
            }
            int type = h.getInt(0);
            if (type == SECTION) {
                order = byteOrder(start, in.need(start, 4, 12, "section header block", ByteOrder.BIG_ENDIAN).getInt(0));
                h.order(order);
            }
            Kind kind = Kind.of(type);
            long total = length(start, kind, Integer.toUnsignedLong(h.getInt(4)));
            ByteBuffer rest = in.need(start, (int) (total - (in.offset() - start)), total, kind.name(), order);
            long end = Integer.toUnsignedLong(rest.getInt(rest.limit() - 4));
            if (end != total) {
                throw in.refusal(start, kind.name() + " length " + total + " at its start but " + end + " at its end");
            }
            ByteBuffer body = rest.slice(0, rest.limit() - 4).order(order);
            switch (type) {
                case SECTION -> interfaces.clear();
                case INTERFACE -> interfaces.add(new Interface(body.getShort(0) & 0xffff,
                        Integer.toUnsignedLong(body.getInt(4)), unitsPerSecond(start, body)));
                case ENHANCED -> enhanced(start, body);
                case SIMPLE -> simple(start, body);
                default -> { } // name resolution, statistics and the like
            }
        }
    }

    /** The block's total length, refused when it cannot frame a block of its type. */
    private long length(long start, Kind kind, long total) throws CaptureFormatException {
        if (total < kind.least()) {
            throw in.refusal(start, kind.name() + " length " + total + " is less than " + kind.least());
        }
        if (total % 4 != 0) {
            throw in.refusal(start, kind.name() + " length " + total + " is not a multiple of 4");
        }
        if (total > PcapReader.MAX_RECORD) {
            throw in.refusal(start, kind.name() + " length " + total + " over the limit of " + PcapReader.MAX_RECORD + " bytes");
        }
        return total;
    }

    private ByteOrder byteOrder(long start, int magic) throws CaptureFormatException {
        return switch (magic) {
            case 0x1a2b3c4d -> ByteOrder.BIG_ENDIAN;
            case 0x4d3c2b1a -> ByteOrder.LITTLE_ENDIAN;
            default -> throw in.refusal(start, String.format("section header byte-order magic %08x is not pcapng's", magic));
        };
    }

    private void enhanced(long start, ByteBuffer b) throws CaptureFormatException {
        Interface itf = declared(start, Integer.toUnsignedLong(b.getInt(0)));
        Instant time = time(start, itf, (Integer.toUnsignedLong(b.getInt(4)) << 32) | Integer.toUnsignedLong(b.getInt(8)));
        packets.frame(start, itf.linkType(), data(start, b, 20, Integer.toUnsignedLong(b.getInt(12))), time, b.getInt(16));
    }

    /** A packet of the section's first interface, without a time stamp; as long as it was on the wire up to the snap length. */
    private void simple(long start, ByteBuffer b) throws CaptureFormatException {
        Interface itf = declared(start, 0);
        long length = Integer.toUnsignedLong(b.getInt(0));
        long captured = itf.snapLength() == 0 ? length : Math.min(length, itf.snapLength());
        packets.frame(start, itf.linkType(), data(start, b, 4, captured), Instant.EPOCH, b.getInt(0));
    }

    private Interface declared(long start, long id) throws CaptureFormatException {
        if (interfaces.isEmpty()) {
            throw in.refusal(start, "packet before any interface block");
        }
        if (id >= interfaces.size()) {
            throw in.refusal(start, "packet of interface " + id + ", which no interface block declared (the section has "
                    + interfaces.size() + ")");
        }
        return interfaces.get((int) id);
    }

    /** The {@code captured} bytes of packet data from {@code at}, which must lie within the block. */
    private byte[] data(long start, ByteBuffer b, int at, long captured) throws CaptureFormatException {
        if (captured > b.limit() - at) {
            throw in.refusal(start, "captured length " + captured + " longer than the block's " + (b.limit() - at)
                    + " bytes of packet data");
        }
        byte[] data = new byte[(int) captured];
        b.get(at, data);
        return data;
    }

    /** The interface block's if_tsresol option (9), if it has one; microseconds by default. */
    private long unitsPerSecond(long start, ByteBuffer b) throws CaptureFormatException {
        int at = 8; // the options, after link type and snap length
        while (at + 4 <= b.limit()) {
            int code = b.getShort(at) & 0xffff;
            int length = b.getShort(at + 2) & 0xffff;
            if (code == 0) {
                break; // opt_endofopt
            }
            if (code == 9 && length >= 1 && at + 4 < b.limit()) {
                return resolution(start, b.get(at + 4) & 0xff);
            }
            at += 4 + (length + 3 & ~3);
        }
        return 1_000_000;
    }

    /** if_tsresol's byte: a power of ten, or of two when its top bit is set; those past what a long counts are refused. */
    private long resolution(long start, int v) throws CaptureFormatException {
        int power = v & 0x7f;
        boolean two = v >= 0x80;
        if (power > (two ? 62 : 18)) {
            throw in.refusal(start, "interface time resolution " + (two ? "2" : "10") + "^-" + power + " finer than ward reads");
        }
        return two ? 1L << power : (long) Math.pow(10, power);
    }

    /** A time stamp in {@code itf}'s units since 1970. */
    private Instant time(long start, Interface itf, long ts) throws CaptureFormatException {
        long per = itf.unitsPerSecond();
        long seconds = Long.divideUnsigned(ts, per);
        if (seconds < 0 || seconds >= Instant.MAX.getEpochSecond()) {
            throw in.refusal(start, "time stamp " + Long.toUnsignedString(ts) + " past the year 1,000,000,000");
        }
        long units = Long.remainderUnsigned(ts, per);
        long nanos = NANOS % per == 0 ? units * (NANOS / per) : (long) ((double) units / per * NANOS);
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
