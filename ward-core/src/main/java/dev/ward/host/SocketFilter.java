package dev.ward.host;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The classic BPF filter a process attached to one of its sockets (SO_ATTACH_FILTER): what a
 * sniffer keeps, or the magic packet a back door such as BPFDoor waits for. Read through a copy of
 * the process's descriptor (pidfd_getfd, Linux 5.6; root), then getsockopt(SO_GET_FILTER), as
 * {@code ss --bpf} shows it; the copy is closed at once, and the process's socket is not touched.
 */
public final class SocketFilter {
    private static final int SOL_SOCKET = 1;
    private static final int SO_GET_FILTER = 26;

    /** One instruction, {@code struct sock_filter}: opcode, jump offsets if true and false, constant. */
    public record Instruction(int code, int jt, int jf, long k) {
        /** As {@code tcpdump -dd} prints it: {@code { 0x28, 0, 0, 0x0000000c }}. */
        @Override
        public String toString() {
            return String.format("{ 0x%x, %d, %d, 0x%08x }", code, jt, jf, k);
        }
    }

    private SocketFilter() {
    }

    /**
     * The filter on descriptor {@code fd} of process {@code pid}; empty when none is attached (or
     * an eBPF program is, which the kernel does not give back this way).
     *
     * @throws HostException when the descriptor cannot be copied (the process ended, not root, a
     *                       kernel before 5.6) or is not a socket
     */
    public static Optional<List<Instruction>> read(int pid, int fd) throws HostException {
        HostPath where = HostPath.of("/proc/" + pid + "/fd/" + fd);
        int pidfd = Libc.pidfdOpen(pid);
        if (pidfd < 0) {
            throw new HostException("pidfd_open", where, -pidfd);
        }
        try {
            int copy = Libc.pidfdGetfd(pidfd, fd);
            if (copy < 0) {
                throw new HostException("pidfd_getfd", where, -copy);
            }
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment length = arena.allocate(JAVA_INT); // 0: how many instructions?
                int r = Libc.getsockopt(copy, SOL_SOCKET, SO_GET_FILTER, MemorySegment.NULL, length);
                if (r < 0) {
                    throw new HostException("getsockopt", where, -r);
                }
                int count = length.get(JAVA_INT, 0);
                if (count <= 0) {
                    return Optional.empty();
                }
                MemorySegment program = arena.allocate(8L * count, 4);
                r = Libc.getsockopt(copy, SOL_SOCKET, SO_GET_FILTER, program, length);
                if (r < 0) {
                    throw new HostException("getsockopt", where, -r);
                }
                List<Instruction> out = new ArrayList<>();
                for (int i = 0; i < Math.min(count, length.get(JAVA_INT, 0)); i++) {
                    long at = 8L * i;
                    out.add(new Instruction(Short.toUnsignedInt(program.get(JAVA_SHORT, at)),
                            Byte.toUnsignedInt(program.get(JAVA_BYTE, at + 2)), Byte.toUnsignedInt(program.get(JAVA_BYTE, at + 3)),
                            Integer.toUnsignedLong(program.get(JAVA_INT, at + 4))));
                }
                return Optional.of(out);
            } finally {
                Libc.close(copy);
            }
        } finally {
            Libc.close(pidfd);
        }
    }
}
