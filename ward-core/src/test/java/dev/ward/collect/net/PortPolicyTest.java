package dev.ward.collect.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.model.SocketEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortPolicyTest {
    static SocketEntry listener(String protocol, String local, String program, String user) {
        return new SocketEntry(protocol, protocol.startsWith("udp") ? "UNCONN" : "LISTEN", local, "0.0.0.0:0", 1, 0, user,
                100, 3, program, "/usr/sbin/" + program, List.of());
    }

    @Test
    void rulesWithWildcards() {
        PortPolicy p = PortPolicy.parse("""
                # this host's listeners
                22/tcp sshd root
                53/udp * systemd-resolve   # any program of that user
                */tcp nginx www-data
                """, "ports");
        assertTrue(p.expects(listener("tcp", "0.0.0.0:22", "sshd", "root")));
        assertTrue(p.expects(listener("tcp6", "[::]:22", "sshd", "root")), "tcp covers both families");
        assertFalse(p.expects(listener("tcp", "0.0.0.0:2222", "sshd", "root")));
        assertTrue(p.expects(listener("udp", "127.0.0.53:53", "systemd-resolve", "systemd-resolve")));
        assertFalse(p.expects(listener("tcp", "127.0.0.53:53", "systemd-resolve", "systemd-resolve")));
        assertTrue(p.expects(listener("tcp", "0.0.0.0:8443", "nginx", "www-data")));
        assertFalse(p.expects(listener("tcp", "0.0.0.0:4444", "nc", "www-data")));
    }

    @Test
    void writtenAsRead() {
        List<SocketEntry> now = List.of(listener("tcp", "0.0.0.0:22", "sshd", "root"),
                listener("tcp6", "[::]:22", "sshd", "root"), listener("udp", "0.0.0.0:68", "dhclient", "root"));
        String text = PortPolicy.write(now);
        assertEquals(PortPolicy.HEADER + "\n22/tcp sshd root\n68/udp dhclient root\n", text);
        PortPolicy p = PortPolicy.parse(text, "ports");
        assertTrue(now.stream().allMatch(p::expects));
    }

    @Test
    void badLinesNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PortPolicy.parse("22/tcp sshd root\n22/sctp sshd root\n", "/etc/ward/ports"));
        assertEquals("/etc/ward/ports:2: not 'PORT/tcp|udp PROGRAM USER': 22/sctp sshd root", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PortPolicy.parse("22/tcp sshd\n", "p"));
    }
}
