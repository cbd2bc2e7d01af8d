package dev.ward.collect.cron;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Crontab text to entries. Pure. Two dialects: the system one ({@code /etc/crontab},
 * {@code /etc/cron.d}) has a user field after the schedule, a user's spool crontab has not.
 * Environment lines ({@code SHELL=/bin/sh}) are skipped; a line that is neither (too few fields,
 * a time field with characters cron rejects) becomes a problem "line N: ..." and is skipped, as
 * cron itself does.
 */
public final class CronParser {
    /** One schedulable line, before the collector adds file facts. */
    public record Line(int line, String user, String schedule, String command) {
    }

    public record Result(List<Line> lines, List<String> problems) {
    }

    private static final Pattern ENV = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*\\s*=.*");
    private static final Pattern TIME_FIELD = Pattern.compile("[0-9A-Za-z*/,\\-]+");
    private static final Pattern WS = Pattern.compile("\\s+");

    private CronParser() {
    }

    public static Result parse(String text, boolean hasUserField) {
        List<Line> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i].replace("\r", "").strip();
            if (t.isEmpty() || t.startsWith("#") || ENV.matcher(t).matches()) {
                continue;
            }
            if (t.indexOf('\0') >= 0) {
                problems.add("line " + (i + 1) + ": binary data");
                continue;
            }
            Line parsed = parseLine(i + 1, t, hasUserField);
            if (parsed == null) {
                problems.add("line " + (i + 1) + ": not a cron entry");
            } else {
                lines.add(parsed);
            }
        }
        return new Result(lines, problems);
    }

    private static Line parseLine(int no, String t, boolean hasUserField) {
        boolean keyword = t.startsWith("@");
        int timeFields = keyword ? 1 : 5;
        int want = timeFields + (hasUserField ? 1 : 0) + 1;
        String[] f = WS.split(t, want);
        if (f.length < want) {
            return null;
        }
        for (int k = keyword ? 1 : 0; k < timeFields; k++) {
            if (!TIME_FIELD.matcher(f[k]).matches()) {
                return null;
            }
        }
        if (keyword && f[0].length() < 2) {
            return null;
        }
        String schedule = String.join(" ", java.util.Arrays.copyOf(f, timeFields));
        String user = hasUserField ? f[timeFields] : null;
        return new Line(no, user, schedule, f[want - 1].strip());
    }
}
