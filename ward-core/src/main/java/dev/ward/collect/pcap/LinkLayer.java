package dev.ward.collect.pcap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Frames decoded down to their IP header: Ethernet (with VLAN tags), Linux cooked (SLL and SLL2),
 * BSD loopback, and raw IPv4/IPv6. Each read stays within the frame, however short or odd it is.
 */
final class LinkLayer {
    static final int ETHERNET = 1;
    static final int NULL = 0;
    static final int RAW = 101;
    static final int RAW_ALT = 12;
    static final int SLL = 113;
    static final int SLL2 = 276;
    static final int IPV4 = 228;
    static final int IPV6 = 229;

    private LinkLayer() {
    }

    /** Decodes one frame of {@code linkType}; frames that carry no IP are counted by their kind. */
    static void decode(int linkType, byte[] data, Instant time, int length, Consumer<Packet> out) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.BIG_ENDIAN);
        int at;
        int ethertype;
        switch (linkType) {
            case ETHERNET -> {
                if (data.length < 14) {
                    return;
                }
                ethertype = b.getShort(12) & 0xffff;
                at = 14;
                while ((ethertype == 0x8100 || ethertype == 0x88a8) && data.length >= at + 4) {
                    ethertype = b.getShort(at + 2) & 0xffff;
                    at += 4;
                }
            }
            case SLL -> {
                if (data.length < 16) {
                    return;
                }
                ethertype = b.getShort(14) & 0xffff;
                at = 16;
            }
            case SLL2 -> {
                if (data.length < 20) {
                    return;
                }
                ethertype = b.getShort(0) & 0xffff;
                at = 20;
            }
            case NULL -> {
                if (data.length < 4) {
                    return;
                }
                int family = ByteBuffer.wrap(data, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                ethertype = family == 2 ? 0x0800 : 0x86dd;
                at = 4;
            }
            case RAW, RAW_ALT, IPV4, IPV6 -> {
                if (data.length < 1) {
                    return;
                }
                ethertype = (data[0] >> 4) == 6 ? 0x86dd : 0x0800;
                at = 0;
            }
            default -> {
                out.accept(new Packet(time, length, "link-" + linkType, "", "", -1, -1, 0, -1, -1));
                return;
            }
        }
        if (ethertype == 0x0800 && data.length >= at + 20) {
            int ihl = (data[at] & 0x0f) * 4;
            ip(b, at + ihl, data[at + 9] & 0xff, address(data, at + 12, 4), address(data, at + 16, 4), time, length, out);
        } else if (ethertype == 0x86dd && data.length >= at + 40) {
            ip(b, at + 40, data[at + 6] & 0xff, address(data, at + 8, 16), address(data, at + 24, 16), time, length, out);
        } else {
            String kind = switch (ethertype) {
                case 0x0806 -> "arp";
                case 0x88cc -> "lldp";
                default -> String.format("ethertype-0x%04x", ethertype);
            };
            out.accept(new Packet(time, length, kind, "", "", -1, -1, 0, -1, -1));
        }
    }

    private static void ip(ByteBuffer b, int at, int proto, String src, String dst, Instant time, int length,
                           Consumer<Packet> out) {
        int limit = b.limit();
        switch (proto) {
            case 6 -> out.accept(new Packet(time, length, "tcp", src, dst, port(b, at, limit), port(b, at + 2, limit), 0,
                    -1, -1).withFlags(at + 13 < limit ? b.get(at + 13) & 0xff : 0));
            case 17 -> out.accept(new Packet(time, length, "udp", src, dst, port(b, at, limit), port(b, at + 2, limit), 0,
                    -1, -1));
            case 1, 58 -> out.accept(new Packet(time, length, proto == 1 ? "icmp" : "icmpv6", src, dst, -1, -1, 0,
                    at < limit ? b.get(at) & 0xff : -1, at + 8 <= limit ? Integer.toUnsignedLong(b.getInt(at + 4)) : -1));
            default -> out.accept(new Packet(time, length, protocolName(proto), src, dst, -1, -1, 0, -1, -1));
        }
    }

    static String protocolName(int proto) {
        return switch (proto) {
            case 2 -> "igmp";
            case 47 -> "gre";
            case 50 -> "esp";
            case 132 -> "sctp";
            default -> Integer.toString(proto);
        };
    }

    private static int port(ByteBuffer b, int at, int limit) {
        return at + 2 <= limit ? b.getShort(at) & 0xffff : -1;
    }

    private static String address(byte[] data, int at, int length) {
        try {
            return InetAddress.getByAddress(java.util.Arrays.copyOfRange(data, at, at + length)).getHostAddress();
        } catch (UnknownHostException e) {
            return "?";
        }
    }
}
