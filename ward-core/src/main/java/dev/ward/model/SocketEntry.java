package dev.ward.model;

import java.util.List;

/**
 * One socket of the live host, as the kernel's tables list it, with the process holding it.
 *
 * @param protocol tcp, tcp6, udp, udp6, raw, raw6 or packet
 * @param state    LISTEN, ESTABLISHED, UNCONN... (a raw or packet socket's is the kernel's number)
 * @param local    address:port ([v6]:port); for raw sockets the port is the IP protocol (1: ICMP)
 * @param pid      the first process found holding it, or -1 when none does (a kernel socket, or one
 *                 held by a process ward could not look into)
 * @param fd       the descriptor number by which that process holds it, or -1
 * @param unread   the processes whose descriptors could not be read, which may hold it when pid is -1
 */
public record SocketEntry(String protocol, String state, String local, String remote, long inode, long uid, String user,
                          int pid, int fd, String program, String exe, List<Integer> unread) {
    public SocketEntry {
        unread = List.copyOf(unread);
    }

    public boolean listening() {
        return state.equals("LISTEN") || (state.equals("UNCONN") && protocol.startsWith("udp"));
    }
}
