package dev.ward.collect.net;

import java.util.HashMap;
import java.util.Map;

/**
 * Pure: the kernel's tables of sockets ({@code /proc/net/tcp}, {@code tcp6}, {@code udp},
 * {@code udp6}, {@code raw}, {@code raw6}, and {@code packet}): each socket's inode, which ties it
 * to the process whose {@code /proc/PID/fd} links {@code socket:[INODE]}, and its addresses.
 * Addresses are hexadecimal, each 32-bit word in the host's byte order (little-endian here); a raw
 * socket's "port" is its IP protocol (1 for ICMP), a packet socket's its Ethernet protocol.
 */
public final class ProcNet {
    private ProcNet() {
    }

    /** The inode of a descriptor's link to a socket ("socket:[1234]" gives 1234), or -1 for any other link. */
    public static long inode(String link) {
        if (!link.startsWith("socket:[") || !link.endsWith("]")) {
            return -1;
        }
        try {
            return Long.parseLong(link.substring(8, link.length() - 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A socket: its protocol ("tcp", "udp6"...), local and remote "address:port", and TCP state (hex, "01" established). */
    public record Socket(String protocol, String local, String remote, String state, long uid, long inode) {
    }

    /** The sockets of one table, by inode; {@code protocol} names it. */
    public static Map<Long, Socket> parse(String table, String protocol) {
        Map<Long, Socket> out = new HashMap<>();
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split("\\s+");
            if (f.length < 10) {
                continue;
            }
            try {
                long inode = Long.parseLong(f[9]);
                out.put(inode, new Socket(protocol, address(f[1]), address(f[2]), f[3], Long.parseLong(f[7]), inode));
            } catch (NumberFormatException e) {
                // a line that is not a socket
            }
        }
        return out;
    }

    /**
     * /proc/net/packet: "sk RefCnt Type Proto Iface R Rmem User Inode"; local is the protocol
     * (0003: every frame, as a sniffer asks) and the interface index, remote is empty.
     */
    public static Map<Long, Socket> parsePacket(String table) {
        Map<Long, Socket> out = new HashMap<>();
        String[] lines = table.split("\n");
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].strip().split("\\s+");
            if (f.length < 9) {
                continue;
            }
            try {
                long inode = Long.parseLong(f[8]);
                String proto = String.format("0x%04x", Integer.parseInt(f[3], 16));
                out.put(inode, new Socket("packet", proto + " if " + f[4], "", f[2], Long.parseLong(f[7]), inode));
            } catch (NumberFormatException e) {
                // not a socket line
            }
        }
        return out;
    }

    /** "0100007F:1F90" is 127.0.0.1:8080; IPv6 as four little-endian words, printed in full. */
    static String address(String hex) {
        int colon = hex.indexOf(':');
        if (colon != 8 && colon != 32) { // a line a hook on the table edited, or not a socket's
            throw new NumberFormatException("not an address: " + hex);
        }
        String ip = hex.substring(0, colon);
        int port = Integer.parseInt(hex.substring(colon + 1), 16);
        StringBuilder b = new StringBuilder();
        if (ip.length() == 8) {
            long v = Long.parseLong(ip, 16);
            b.append(v & 0xff).append('.').append(v >> 8 & 0xff).append('.').append(v >> 16 & 0xff).append('.').append(v >> 24 & 0xff);
            return b.append(':').append(port).toString();
        }
        byte[] bytes = new byte[16];
        for (int w = 0; w < 4; w++) {
            long v = Long.parseLong(ip.substring(w * 8, w * 8 + 8), 16);
            for (int k = 0; k < 4; k++) {
                bytes[w * 4 + k] = (byte) (v >> (8 * k));
            }
        }
        try {
            java.net.InetAddress a = java.net.InetAddress.getByAddress(bytes);
            String text = a instanceof java.net.Inet4Address ? "::ffff:" + a.getHostAddress() : a.getHostAddress();
            return "[" + text + "]:" + port; // an IPv4 address mapped into IPv6 is written as ss writes it
        } catch (java.net.UnknownHostException e) {
            return ip + ":" + port;
        }
    }
}
