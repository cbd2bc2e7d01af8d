package dev.ward.collect.systemd;

import dev.ward.model.SystemdUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A unit file's text to the settings ward judges. Pure. Follows systemd.syntax(7): sections in
 * brackets, {@code #} and {@code ;} comments, a trailing backslash continues a line. Exec lines are
 * kept from [Service] and [Socket] with their special prefixes ({@code - @ : + !}, in any order and
 * {@code !!}) removed; an empty {@code ExecStart=} (which resets the list in a drop-in) is dropped.
 * [Timer] settings are kept as written, {@code Unit=} included. The units this one starts are kept
 * as {@code deps} ({@code Wants=}, {@code Requires=}, {@code Requisite=}, {@code BindsTo=},
 * {@code Upholds=} and {@code OnFailure=} of [Unit]) and {@code triggers} ({@code Unit=} of [Path],
 * {@code Service=} of [Socket]). Garbage lines are ignored, as systemd ignores them with a warning.
 */
public final class UnitParser {
    public record Parsed(List<SystemdUnit.Exec> execs, List<String> timers, List<String> deps,
                         List<String> triggers) {
    }

    private static final List<String> UNIT_DEPS = List.of("Wants", "Requires", "Requisite", "BindsTo", "Upholds",
            "OnFailure");

    private UnitParser() {
    }

    public static Parsed parse(String text) {
        List<SystemdUnit.Exec> execs = new ArrayList<>();
        List<String> timers = new ArrayList<>();
        List<String> deps = new ArrayList<>();
        List<String> triggers = new ArrayList<>();
        String section = "";
        String[] lines = text.replace("\0", "").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = i + 1;
            StringBuilder b = new StringBuilder(lines[i].replace("\r", "").strip());
            while (b.length() > 0 && b.charAt(b.length() - 1) == '\\' && i + 1 < lines.length) {
                b.setLength(b.length() - 1);
                String joined = b.toString().stripTrailing();
                b.setLength(0);
                b.append(joined).append(' ').append(lines[++i].replace("\r", "").strip());
            }
            String t = b.toString().strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            if (t.startsWith("[") && t.endsWith("]")) {
                section = t.substring(1, t.length() - 1);
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = t.substring(0, eq).strip();
            String value = t.substring(eq + 1).strip();
            if ((section.equals("Service") || section.equals("Socket")) && key.startsWith("Exec") && !value.isEmpty()) {
                execs.add(new SystemdUnit.Exec(start, key, stripPrefixes(value)));
            } else if (section.equals("Timer")) {
                timers.add(key + "=" + value);
            } else if (section.equals("Unit") && UNIT_DEPS.contains(key)) {
                names(value, deps);
            } else if ((section.equals("Path") && key.equals("Unit")) || (section.equals("Socket") && key.equals("Service"))) {
                names(value, triggers);
            }
        }
        return new Parsed(execs, timers, deps, triggers);
    }

    private static void names(String value, List<String> out) {
        for (String name : value.split("\\s+")) {
            if (!name.isEmpty()) {
                out.add(name);
            }
        }
    }

    /** Removes the executable prefixes of systemd.service(5): {@code -}, {@code @}, {@code :}, {@code +}, {@code !}. */
    static String stripPrefixes(String value) {
        int k = 0;
        while (k < value.length() && "-@:+!".indexOf(value.charAt(k)) >= 0) {
            k++;
        }
        return value.substring(k).strip();
    }

    /** The unit a timer starts: its {@code Unit=}, else the timer's own name with {@code .service}. */
    public static String timerTarget(String timerName, List<String> timers) {
        for (String t : timers) {
            if (t.startsWith("Unit=") && t.length() > 5) {
                return t.substring(5).strip();
            }
        }
        return timerName.substring(0, timerName.length() - ".timer".length()) + ".service";
    }
}
