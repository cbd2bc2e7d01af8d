package dev.ward.collect.net;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.collect.procs.ProcessCollector;
import dev.ward.host.DirEntry;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.ProcessViews;
import dev.ward.model.CollectionError;
import dev.ward.model.SocketEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live host's TCP, UDP, raw and packet sockets over IPv4 and IPv6, each with the process that
 * holds it: the kernel's tables under /proc/net, and every process's /proc/PID/fd links
 * ({@code socket:[INODE]}), as {@code ss -tulpnw} pairs them. On an image there are none.
 */
public final class SocketCollector implements Collector<SocketEntry> {
    static final List<String> TABLES = List.of("tcp", "tcp6", "udp", "udp6", "raw", "raw6");
    static final String[] TCP_STATES = {"?", "ESTABLISHED", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2",
        "TIME-WAIT", "UNCONN", "CLOSE-WAIT", "LAST-ACK", "LISTEN", "CLOSING", "NEW-SYN-RECV"};

    @Override
    public String source() {
        return "sockets";
    }

    @Override
    public Class<SocketEntry> type() {
        return SocketEntry.class;
    }

    @Override
    public CollectResult<SocketEntry> collect(Scan scan) {
        HostRoot root = scan.root();
        if (!root.isLive()) {
            return new CollectResult<>(List.of(), List.of());
        }
        List<CollectionError> errors = new ArrayList<>();
        Map<Long, ProcNet.Socket> sockets = kernelTables(scan);
        Map<Long, Holder> holders = new HashMap<>();
        List<Integer> unread = new ArrayList<>();
        try {
            for (int pid : ProcessViews.byGetdents(root)) {
                Map<Long, Integer> held = socketDescriptors(root, pid);
                if (held == null) {
                    unread.add(pid);
                    continue;
                }
                held.forEach((inode, fd) -> holders.putIfAbsent(inode, new Holder(pid, fd)));
            }
        } catch (HostException e) {
            errors.add(new CollectionError(source(), "/proc", e.getMessage()));
        }
        if (!unread.isEmpty()) {
            errors.add(new CollectionError(source(), "/proc", "permission denied reading the descriptors of "
                    + ProcessCollector.count(unread) + ": the sockets they hold show no process"
                    + ProcessCollector.remedy()));
        }
        Map<Long, String> users = AccountsCollector.names(scan);
        List<SocketEntry> out = new ArrayList<>();
        for (ProcNet.Socket s : sockets.values()) {
            Holder holder = holders.getOrDefault(s.inode(), Holder.NONE);
            int pid = holder.pid();
            String program = pid < 0 ? "" : ProcessCollector.text(root, "/proc/" + pid + "/comm").strip();
            out.add(new SocketEntry(s.protocol(), state(s), s.local(), s.remote(), s.inode(), s.uid(),
                    users.getOrDefault(s.uid(), Long.toString(s.uid())), pid, holder.fd(), program,
                    pid < 0 ? "" : ProcessCollector.link(root, "/proc/" + pid + "/exe"),
                    pid < 0 ? unread : List.of()));
        }
        out.sort(Comparator.comparing(SocketEntry::protocol).thenComparing(SocketEntry::local));
        return new CollectResult<>(out, errors);
    }

    /** The kernel's tables alone, read again, without their processes: for a second look. */
    public List<SocketEntry> tables(HostRoot root) {
        return read(root).values().stream().map(s -> new SocketEntry(s.protocol(), state(s), s.local(), s.remote(),
                s.inode(), s.uid(), "", -1, -1, "", "", List.of())).toList();
    }

    /** The kernel's socket tables by inode, read once a scan and shared (by the process checks too). */
    public static Map<Long, ProcNet.Socket> kernelTables(Scan scan) {
        return scan.once(ProcNet.class, SocketCollector::read);
    }

    private static Map<Long, ProcNet.Socket> read(HostRoot root) {
        Map<Long, ProcNet.Socket> sockets = new HashMap<>();
        for (String table : TABLES) {
            text(root, "/proc/net/" + table).ifPresent(t -> sockets.putAll(ProcNet.parse(t, table)));
        }
        text(root, "/proc/net/packet").ifPresent(t -> sockets.putAll(ProcNet.parsePacket(t)));
        return sockets;
    }

    private static String state(ProcNet.Socket s) {
        if (!s.protocol().startsWith("tcp") && !s.protocol().startsWith("udp")) {
            return s.state();
        }
        try {
            int n = Integer.parseInt(s.state(), 16);
            if (n == 7 && s.protocol().startsWith("tcp")) {
                return "CLOSE";
            }
            return n < TCP_STATES.length ? TCP_STATES[n] : s.state();
        } catch (NumberFormatException e) {
            return s.state();
        }
    }

    /** The process holding a socket, and the descriptor number it holds it by. */
    private record Holder(int pid, int fd) {
        static final Holder NONE = new Holder(-1, -1);
    }

    /**
     * The sockets a process holds, inode to descriptor number: none when it ended, null when its
     * descriptors could not be read (another user's process, or one the kernel keeps even root out of).
     */
    static Map<Long, Integer> socketDescriptors(HostRoot root, int pid) {
        Map<Long, Integer> out = new HashMap<>();
        try {
            for (DirEntry fd : root.list(HostPath.of("/proc/" + pid + "/fd"))) {
                // read here, not through ProcessCollector.link: a link refused means the process is unread
                long inode = ProcNet.inode(root.readlink(fd.path()).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(""));
                if (inode >= 0) {
                    out.putIfAbsent(inode, Integer.parseInt(fd.name()));
                }
            }
        } catch (HostException e) {
            return e.isDenied() ? null : out;
        }
        return out;
    }

    private static Optional<String> text(HostRoot root, String path) {
        try {
            return root.readText(HostPath.of(path));
        } catch (HostException e) {
            return Optional.empty();
        }
    }
}
