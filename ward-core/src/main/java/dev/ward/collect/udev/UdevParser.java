package dev.ward.collect.udev;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Programs named by udev rules (udev(7)). Pure. A rule is a comma-separated list of {@code KEY op
 * "value"} on one line (a backslash continues it); the keys that run something are {@code RUN} and
 * {@code RUN{program}} (after the event), {@code PROGRAM} and {@code IMPORT{program}} (while
 * matching). {@code RUN{builtin}} and {@code IMPORT{builtin|file|db|cmdline|parent}} run nothing.
 * Lines that do not parse are skipped, as udevd skips them with a warning.
 */
public final class UdevParser {
    public record Run(int line, String key, String program) {
    }

    private static final Pattern KEY = Pattern.compile(
            "(?:^|,)\\s*(RUN(?:\\{program\\})?|PROGRAM|IMPORT\\{program\\})\\s*(?:\\+=|:=|=)\\s*\"([^\"]*)\"");

    private UdevParser() {
    }

    public static List<Run> parse(String text) {
        List<Run> out = new ArrayList<>();
        String[] lines = text.replace("\0", "").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = i + 1;
            String t = lines[i].replace("\r", "").strip();
            while (t.endsWith("\\") && i + 1 < lines.length) {
                t = t.substring(0, t.length() - 1) + lines[++i].strip();
            }
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            Matcher m = KEY.matcher(t);
            while (m.find()) {
                if (!m.group(2).isBlank()) {
                    out.add(new Run(start, m.group(1), m.group(2).strip()));
                }
            }
        }
        return out;
    }
}
