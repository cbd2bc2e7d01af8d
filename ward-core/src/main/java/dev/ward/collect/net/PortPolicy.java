package dev.ward.collect.net;

import dev.ward.model.SocketEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pure: the ports a host should have open, one line a listener: port, protocol ({@code tcp} or
 * {@code udp}, either address family), program (its process name) and user, {@code *} for any.
 * <pre>
 * # ward net expected listeners: port/protocol program user
 * 22/tcp   sshd     root
 * 53/udp   *        systemd-resolve
 * </pre>
 */
public final class PortPolicy {
    static final String HEADER = "# ward net expected listeners: port/protocol program user (* for any)";

    /** One line of the policy, with where it was written. */
    public record Rule(String port, String protocol, String program, String user, int line) {
        boolean matches(SocketEntry s) {
            return (port.equals("*") || port.equals(PortPolicy.port(s))) && s.protocol().startsWith(protocol)
                    && (program.equals("*") || program.equals(s.program())) && (user.equals("*") || user.equals(s.user()));
        }
    }

    private final List<Rule> rules;

    private PortPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** A listener's port: what follows the last colon of its local address. */
    public static String port(SocketEntry s) {
        return s.local().substring(s.local().lastIndexOf(':') + 1);
    }

    public boolean expects(SocketEntry s) {
        return rules.stream().anyMatch(r -> r.matches(s));
    }

    /** Reads a policy; a line that is not four fields, or names another protocol, is an error at file:line. */
    public static PortPolicy parse(String text, String file) {
        List<Rule> rules = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            String[] pp = f[0].split("/");
            if (f.length != 3 || pp.length != 2 || !(pp[1].equals("tcp") || pp[1].equals("udp"))
                    || !(pp[0].equals("*") || pp[0].matches("[0-9]{1,5}"))) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not 'PORT/tcp|udp PROGRAM USER': " + line);
            }
            rules.add(new Rule(pp[0], pp[1], f[1], f[2], i + 1));
        }
        return new PortPolicy(rules);
    }

    /** The listeners of {@code sockets} as a policy, each once. */
    public static String write(List<SocketEntry> sockets) {
        Set<String> lines = new TreeSet<>();
        for (SocketEntry s : sockets) {
            if (s.listening() && (s.protocol().startsWith("tcp") || s.protocol().startsWith("udp"))) {
                lines.add(port(s) + "/" + s.protocol().substring(0, 3) + " " + (s.program().isEmpty() ? "*" : s.program())
                        + " " + s.user());
            }
        }
        return HEADER + "\n" + String.join("\n", lines) + "\n";
    }
}
