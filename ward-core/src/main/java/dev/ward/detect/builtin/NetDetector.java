package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.net.LoopbackScan;
import dev.ward.collect.net.PortPolicy;
import dev.ward.collect.net.SocketCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.DirEntry;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.SocketFilter;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.SocketEntry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the live host's sockets give away (skipped on an image):
 * <ul>
 * <li>{@code linux.net.raw_socket} (high, T1205): a process holding a raw IP socket, which sees
 * every ICMP (or TCP, UDP) packet that reaches the host: how ICMP back doors wait for their magic
 * packet; ping and traceroute hold one only while they run.</li>
 * <li>{@code linux.net.packet_socket} (medium, T1040): a process holding a packet socket, which reads
 * whole frames: a sniffer; DHCP clients and network managers, which need one, are left out; low for
 * tcpdump, tshark and dumpcap, which a person may be running.</li>
 * <li>Both say which classic BPF filter the process attached to the socket, when it did and root
 * can read it: the frames a sniffer keeps, or the magic packet a back door (BPFDoor) waits for.</li>
 * <li>{@code linux.net.listener_without_process} (medium, T1205): a TCP or UDP socket listening that
 * no process holds (the kernel's own services, such as NFS, too), when ward runs as root; low when
 * some process's descriptors could not be read even so, since it may be that one's.</li>
 * <li>{@code linux.net.promiscuous_interface} (medium, T1040): an interface in promiscuous mode
 * (IFF_PROMISC in /sys/class/net/IF/flags), receiving frames meant for other hosts.</li>
 * <li>{@code linux.net.hidden_port} (critical, T1014): a TCP port of 127.0.0.1 or ::1 that accepts a
 * connection while no table of /proc/net lists a listener on it, confirmed by a second look: a
 * rootkit hooking the tables hides its back door's port from netstat and ss, not from a connect.
 * Only in {@code ward net}: every service listening on the loopback sees a connection open and close,
 * and may log it, which {@code ward triage} must not cause.</li>
 * <li>{@code linux.net.unexpected_listener} (medium, T1205, T1571): with a policy ({@code ward net
 * --expect}), a TCP or UDP listener it does not name. Without one, ward judges listeners itself:
 * {@code linux.net.listener_from_temp} (high) for a program in a temporary or hidden place,
 * {@code linux.net.unowned_listener} (medium) for a program no package installed, and
 * {@code linux.net.interpreter_listening} (medium) for a shell or interpreter listening on every
 * interface.</li>
 * </ul>
 */
public final class NetDetector implements Detector {
    static final Set<String> NEEDS_PACKET = Set.of("dhclient", "dhcpcd", "systemd-network", "systemd-networkd",
            "NetworkManager", "wpa_supplicant", "lldpd", "dhcpd", "dnsmasq", "udhcpc", "keepalived", "arpwatch");
    static final Set<String> SNIFFERS = Set.of("tcpdump", "tshark", "dumpcap", "wireshark");
    static final Set<String> PINGS = Set.of("ping", "ping6", "traceroute", "mtr", "mtr-packet", "fping");
    private static final int IFF_PROMISC = 0x100;

    private final SocketCollector sockets;
    private final PortPolicy policy;
    private final String policyFile;
    private final boolean connectScan;

    /** As {@code ward triage} runs it: no connect scan, which the services that answer would log. */
    public NetDetector() {
        this(new SocketCollector(), null, null, false);
    }

    /**
     * {@code policy} (read from {@code policyFile}) names the listeners expected; null to judge them
     * by ward's own rules. {@code connectScan}: try every loopback port against the tables.
     */
    public NetDetector(SocketCollector sockets, PortPolicy policy, String policyFile, boolean connectScan) {
        this.sockets = sockets;
        this.policy = policy;
        this.policyFile = policyFile;
        this.connectScan = connectScan;
    }

    @Override
    public String name() {
        return "network";
    }

    @Override
    public void detect(Scan scan, Results out) {
        HostRoot root = scan.root();
        if (!root.isLive()) {
            out.skipped("sockets", Evidence.LIVE_ONLY);
            return;
        }
        List<SocketEntry> all = out.take(scan.records(sockets));
        Set<String> judged = new HashSet<>();
        for (SocketEntry s : all) {
            boolean inet = s.protocol().startsWith("tcp") || s.protocol().startsWith("udp");
            if (inet && s.listening() && judged.add(s.protocol().substring(0, 3) + PortPolicy.port(s) + "/" + s.pid())) {
                listener(s, scan, out);
            }
        }
        boolean seesAll = ProcessHandle.current().info().user().map("root"::equals).orElse(false);
        for (SocketEntry s : all) {
            if (s.protocol().startsWith("raw") && !PINGS.contains(s.program())) {
                List<String> filter = filter(s);
                out.add(socket(s, "linux.net.raw_socket", Severity.HIGH, "Process holds a raw socket",
                        "a raw " + (s.protocol().endsWith("6") ? "IPv6" : "IPv4") + " socket for " + protocol(s)
                                + attached(filter), "T1205", filter));
            } else if (s.protocol().equals("packet") && !NEEDS_PACKET.contains(s.program())) {
                boolean person = SNIFFERS.contains(s.program());
                List<String> filter = filter(s);
                out.add(socket(s, "linux.net.packet_socket", person ? Severity.LOW : Severity.MEDIUM,
                        "Process holds a packet socket", "a packet socket (" + s.local() + "), which reads whole frames"
                                + attached(filter), "T1040", filter));
            } else if (seesAll && s.pid() < 0 && s.listening()) {
                out.add(socket(s, "linux.net.listener_without_process", s.unread().isEmpty() ? Severity.MEDIUM : Severity.LOW,
                        "Listening socket that no process holds", "listens, held by no process" + (s.unread().isEmpty()
                                ? "" : " whose descriptors could be read (those of " + s.unread() + " could not)"), "T1205"));
            }
        }
        promiscuous(root, out);
        if (connectScan) {
            hiddenPorts(root, all, out);
        }
    }

    /** Loopback addresses and the local addresses whose listeners answer on them. */
    private static final Map<String, List<String>> LOOPBACKS = Map.of(
            "127.0.0.1", List.of("127.0.0.1", "0.0.0.0", "[::]", "[::ffff:127.0.0.1]", "[::ffff:0.0.0.0]"),
            "::1", List.of("[::1]", "[::]"));

    private static void hiddenPorts(HostRoot root, List<SocketEntry> all, Results out) {
        for (Map.Entry<String, List<String>> lo : LOOPBACKS.entrySet()) {
            try {
                InetAddress address = InetAddress.getByName(lo.getKey());
                Set<Integer> suspects = new TreeSet<>(LoopbackScan.answering(address, 1, 65535));
                suspects.removeAll(listed(all, lo.getValue()));
                if (suspects.isEmpty()) {
                    continue;
                }
                List<SocketEntry> again = new SocketCollector().tables(root);
                for (int port : suspects) {
                    if (!listed(again, lo.getValue()).contains(port) && !LoopbackScan.answering(address, port, port).isEmpty()) {
                        out.add(Finding.builder("linux.net.hidden_port", Severity.CRITICAL, "Port open but in no table")
                                .summary("port " + port + " of " + lo.getKey() + " accepts TCP connections, yet no table "
                                        + "of /proc/net lists a listener on it (what netstat and ss read)")
                                .evidence("address", lo.getKey()).evidence("port", port).attack("T1014", "T1205")
                                .remediation("A kernel rootkit hides this port: examine the host offline; from another "
                                        + "host, see what answers there (nc, a banner) before it is taken down.")
                                .build());
                    }
                }
            } catch (IOException e) {
                out.error("network", lo.getKey(), "connect scan: " + e.getMessage());
            }
        }
    }

    /** The ports listening on one of {@code locals} ("0.0.0.0", "[::]"...). */
    private static Set<Integer> listed(List<SocketEntry> sockets, List<String> locals) {
        Set<Integer> out = new TreeSet<>();
        for (SocketEntry s : sockets) {
            String local = s.local();
            String host = local.substring(0, local.lastIndexOf(':'));
            if (s.protocol().startsWith("tcp") && s.state().equals("LISTEN") && locals.contains(host)) {
                out.add(Integer.parseInt(PortPolicy.port(s)));
            }
        }
        return out;
    }

    private void listener(SocketEntry s, Scan scan, Results out) {
        if (policy != null) {
            if (!policy.expects(s)) {
                out.add(socket(s, "linux.net.unexpected_listener", Severity.MEDIUM, "Listener the policy does not expect",
                        "a listener on port " + PortPolicy.port(s) + "/" + s.protocol() + " that " + policyFile
                                + " does not name", "T1571"));
            }
            return;
        }
        String exe = s.exe().replace(" (deleted)", "");
        String program = exe.substring(exe.lastIndexOf('/') + 1);
        if (exe.isEmpty()) {
            return;
        }
        if (ProcessDetector.odd(exe)) {
            out.add(socket(s, "linux.net.listener_from_temp", Severity.HIGH, "Listener run from a temporary or hidden place",
                    "a listener on port " + PortPolicy.port(s) + "/" + s.protocol() + ", run from " + exe, "T1571"));
        } else if (Evidence.unowned(scan, exe)) {
            out.add(socket(s, "linux.net.unowned_listener", Severity.MEDIUM, "Listener run by a program no package installed",
                    "a listener on port " + PortPolicy.port(s) + "/" + s.protocol() + ", run by " + exe
                            + ", which no package installed", "T1571"));
        } else if ((ProcessDetector.SHELLS.contains(program) || ProcessDetector.PYTHON.matcher(program).matches())
                && (s.local().startsWith("0.0.0.0:") || s.local().startsWith("[::]:"))) {
            out.add(socket(s, "linux.net.interpreter_listening", Severity.MEDIUM, "Interpreter listening on every interface",
                    "a listener on every interface, port " + PortPolicy.port(s) + "/" + s.protocol() + ", run by "
                            + program, "T1059"));
        }
    }

    /** "ICMP" for a raw socket's protocol 1, the number otherwise. */
    private static String protocol(SocketEntry s) {
        String port = s.local().substring(s.local().lastIndexOf(':') + 1);
        return switch (port) {
            case "1" -> "ICMP";
            case "58" -> "ICMPv6";
            case "6" -> "TCP";
            case "17" -> "UDP";
            case "255" -> "every IP protocol";
            default -> "IP protocol " + port;
        };
    }

    private static Finding socket(SocketEntry s, String check, Severity severity, String title, String what,
                                  String attack) {
        return socket(s, check, severity, title, what, attack, List.of());
    }

    private static Finding socket(SocketEntry s, String check, Severity severity, String title, String what,
                                  String attack, List<String> filter) {
        Finding.Builder b = Finding.builder(check, severity, title)
                .summary((s.pid() < 0 ? "a " + s.protocol() + " socket on " + s.local() + " " + what
                        : "process " + s.pid() + " (" + s.program() + ", " + s.exe() + ") holds " + what)
                        + " (" + s.protocol() + " " + s.local() + (s.remote().isEmpty() ? "" : " to " + s.remote()) + ")")
                .evidence("protocol", s.protocol()).evidence("local", s.local())
                .evidence("remote", s.remote().isEmpty() ? null : s.remote()).evidence("state", s.state())
                .evidence("inode", s.inode()).evidence("user", s.user())
                .evidence("bpf_filter", filter.isEmpty() ? null : filter).attack(attack)
                .remediation("Find what the program is and who started it (its executable, parent, start time); "
                        + "preserve it, then stop it.");
        if (s.pid() >= 0) {
            b.pid(s.pid()).evidence("pid", s.pid()).evidence("program", s.program()).evidence("exe", s.exe());
        }
        return b.build();
    }

    /**
     * The classic BPF filter attached to the socket, its instructions as {@code tcpdump -dd} prints
     * them; empty when there is none, or it cannot be read (not root, the process ended, a kernel
     * before 5.6): the finding stands without it.
     */
    private static List<String> filter(SocketEntry s) {
        try {
            return s.fd() < 0 ? List.of() : SocketFilter.read(s.pid(), s.fd())
                    .map(program -> program.stream().map(SocketFilter.Instruction::toString).toList()).orElse(List.of());
        } catch (HostException e) {
            return List.of();
        }
    }

    private static String attached(List<String> filter) {
        return filter.isEmpty() ? "" : ", with a BPF filter of " + filter.size() + " instructions attached";
    }

    private static void promiscuous(HostRoot root, Results out) {
        try {
            for (DirEntry e : root.list(HostPath.of("/sys/class/net"))) {
                String flags = root.readText(e.path().resolve("flags")).orElse("0x0").strip();
                if (flags.startsWith("0x") && (Integer.parseInt(flags.substring(2), 16) & IFF_PROMISC) != 0) {
                    out.add(Finding.builder("linux.net.promiscuous_interface", Severity.MEDIUM,
                                    "Interface in promiscuous mode")
                            .summary("interface " + e.name() + " is in promiscuous mode (flags " + flags
                                    + "): it receives frames meant for other hosts, as a sniffer asks")
                            .evidence("interface", e.name()).evidence("flags", flags).path("/sys/class/net/" + e.name())
                            .attack("T1040")
                            .remediation("Find the process that asked for it (a packet socket, above); bridges and "
                                    + "virtual machine hosts set it too.")
                            .build());
                }
            }
        } catch (HostException | NumberFormatException e) {
            // no /sys/class/net to read
        }
    }
}
