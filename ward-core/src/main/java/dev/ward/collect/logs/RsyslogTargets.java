package dev.ward.collect.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * Pure: the files rsyslog's classic selector lines write to, such as
 * {@code auth,authpriv.*  /var/log/auth.log} or {@code *.*;auth,authpriv.none  -/var/log/syslog}
 * (a leading "-" only turns off syncing). RainerScript {@code action(...)} blocks are not read.
 */
public final class RsyslogTargets {
    /** One selector line's file, with whether it takes the authentication facilities or everything. */
    public record Target(String path, String selector, int line, boolean busy) {
    }

    private RsyslogTargets() {
    }

    public static List<Target> parse(String config) {
        List<Target> out = new ArrayList<>();
        String[] lines = config.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("$") || l.contains("(")) {
                continue;
            }
            String[] parts = l.split("\\s+", 2);
            if (parts.length < 2 || !parts[0].contains(".")) {
                continue;
            }
            String action = parts[1].strip();
            action = action.startsWith("-") ? action.substring(1) : action;
            if (action.startsWith("/")) {
                out.add(new Target(action.split("\\s+")[0], parts[0], i + 1, busy(parts[0])));
            }
        }
        return out;
    }

    /** Whether the selector takes auth or authpriv messages, or every facility: such a file is written all day. */
    static boolean busy(String selector) {
        for (String part : selector.split(";")) {
            int dot = part.lastIndexOf('.');
            if (dot < 0 || part.substring(dot + 1).equals("none")) {
                continue;
            }
            for (String facility : part.substring(0, dot).split(",")) {
                if (facility.equals("*") || facility.equals("auth") || facility.equals("authpriv")) {
                    return true;
                }
            }
        }
        return false;
    }
}
