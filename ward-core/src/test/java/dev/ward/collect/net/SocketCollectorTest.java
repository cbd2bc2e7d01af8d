package dev.ward.collect.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.Scan;
import dev.ward.host.HostRoot;
import dev.ward.model.SocketEntry;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocketCollectorTest {
    /** Listeners this test opens on 127.0.0.1 and ::1, found with the process that holds them: this one. */
    @Test
    void listenersAndTheirOwner() throws Exception {
        try (ServerSocket v4 = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             ServerSocket v6 = ipv6()) {
            List<SocketEntry> all;
            try (HostRoot live = HostRoot.live()) {
                all = new SocketCollector().collect(new Scan(live, InstantSource.system())).records();
            }
            int self = (int) ProcessHandle.current().pid();
            // the JVM opens IPv4 sockets as IPv6 ones where it can: 127.0.0.1 is then ::ffff:127.0.0.1
            SocketEntry mine = all.stream().filter(s -> s.local().equals("127.0.0.1:" + v4.getLocalPort())
                    || s.local().equals("[::ffff:127.0.0.1]:" + v4.getLocalPort())).findFirst().orElseThrow();
            assertEquals(List.of("LISTEN", self, "java"), List.of(mine.state(), mine.pid(), mine.program()));
            assertTrue(mine.listening());
            if (v6 != null) {
                SocketEntry six = all.stream().filter(s -> s.local().equals("[0:0:0:0:0:0:0:1]:" + v6.getLocalPort()))
                        .findFirst().orElseThrow();
                assertEquals(List.of("tcp6", self), List.of(six.protocol(), six.pid()));
            }
        }
    }

    /** The connect scan finds this test's listeners and no port that is closed. */
    @Test
    void loopbackScan() throws Exception {
        try (ServerSocket v4 = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             ServerSocket v6 = ipv6()) {
            int port = v4.getLocalPort();
            java.util.Set<Integer> open = LoopbackScan.answering(InetAddress.getByName("127.0.0.1"), port - 50, port + 50);
            assertTrue(open.contains(port), open.toString());
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                int closed = probe.getLocalPort();
                probe.close();
                assertEquals(java.util.Set.of(), LoopbackScan.answering(InetAddress.getByName("127.0.0.1"), closed, closed));
            }
            if (v6 != null) {
                int six = v6.getLocalPort();
                assertTrue(LoopbackScan.answering(InetAddress.getByName("::1"), six, six).contains(six));
            }
        }
    }

    private static ServerSocket ipv6() {
        try {
            return new ServerSocket(0, 1, Inet6Address.getByName("::1"));
        } catch (java.io.IOException e) {
            return null; // no IPv6 loopback on this host
        }
    }

    /** /proc/net/raw and /proc/net/packet as the kernel writes them (a raw ICMP socket; tcpdump's packet socket). */
    @Test
    void rawAndPacketTables() {
        Map<Long, ProcNet.Socket> raw = ProcNet.parse("""
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
                   1: 00000000:0001 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 90321 2 0000000000000000 0
                """, "raw");
        assertEquals("0.0.0.0:1", raw.get(90321L).local());
        Map<Long, ProcNet.Socket> packet = ProcNet.parsePacket("""
                sk               RefCnt Type Proto  Iface R Rmem   User   Inode
                ffff8b2b4a1f0000 3      3    0003   2     1 0      0      91002
                """);
        assertEquals(new ProcNet.Socket("packet", "0x0003 if 2", "", "3", 0, 91002), packet.get(91002L));
    }

    /** A table line that is not what the kernel writes (a hook's edit) is passed over; the others are read. */
    @Test
    void aMangledTableLineIsPassedOver() {
        Map<Long, ProcNet.Socket> tcp = ProcNet.parse("""
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111
                   1: 0100007F:FFFFFFFF 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 112
                   2: 7F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 113
                   3: 0100007F:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 114
                """, "tcp");
        assertEquals(java.util.Set.of(114L), tcp.keySet());
        assertEquals("127.0.0.1:22", tcp.get(114L).local());
    }
}
