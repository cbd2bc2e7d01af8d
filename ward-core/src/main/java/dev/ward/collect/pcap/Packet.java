package dev.ward.collect.pcap;

import java.time.Instant;

/**
 * What ward takes from one captured packet: when, how long on the wire, and its IP header's
 * addresses, protocol and ports (TCP, UDP) or type (ICMP).
 *
 * @param protocol "tcp", "udp", "icmp", "icmpv6", or the IP protocol's number; "arp" and the
 *                 like for frames that carry no IP (their addresses then empty)
 * @param tcpFlags the TCP flags byte (SYN 0x02, ACK 0x10), 0 otherwise
 * @param icmpType the ICMP type (8 echo request, 0 echo reply), -1 otherwise
 * @param icmpId   the echo's identifier and sequence number, -1 otherwise
 */
public record Packet(Instant time, int length, String protocol, String src, String dst, int sport, int dport,
                     int tcpFlags, int icmpType, long icmpId) {
    Packet withFlags(int flags) {
        return new Packet(time, length, protocol, src, dst, sport, dport, flags, icmpType, icmpId);
    }

    public boolean syn() {
        return protocol.equals("tcp") && (tcpFlags & 0x12) == 0x02;
    }
}
