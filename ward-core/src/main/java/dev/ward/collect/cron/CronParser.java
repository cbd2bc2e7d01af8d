package dev.ward.collect.cron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Scheduler tables to entries. Pure. Four dialects: the system crontab ({@code /etc/crontab},
 * {@code /etc/cron.d}) has a user field after the schedule, a user's spool crontab has not;
 * anacrontab(5) lines are {@code period delay job-id command}; incrontab(5) lines are
 * {@code path mask command}. Environment lines ({@code SHELL=/bin/sh}, optionally quoted) are kept
 * apart, since they change what every later job runs. A line that is none of these (too few fields,
 * a time field with characters cron rejects) becomes a problem "line N: ..." and is skipped, as
 * cron itself does.
 */
public final class CronParser {
    /** One schedulable line, before the collector adds file facts. */
    public record Line(int line, String user, String schedule, String command) {
    }

    /** An environment line: {@code value} has its surrounding quotes removed. */
    public record Env(int line, String name, String value) {
    }

    public record Result(List<Line> lines, List<Env> env, List<String> problems) {
    }

    private static final Pattern ENV = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*=(.*)");
    private static final Pattern TIME_FIELD = Pattern.compile("[0-9A-Za-z*/,\\-]+");
    private static final Pattern ANACRON_PERIOD = Pattern.compile("[0-9]+|@[a-z]+");
    private static final Pattern WS = Pattern.compile("\\s+");

    private CronParser() {
    }

    public static Result parse(String text, boolean hasUserField) {
        return lines(text, true, (no, t) -> cronLine(no, t, hasUserField));
    }

    /** {@code /etc/anacrontab}: run as root; the schedule is "period delay", the job id is dropped. */
    public static Result anacrontab(String text) {
        return lines(text, true, (no, t) -> {
            String[] f = WS.split(t, 4);
            if (f.length < 4 || !ANACRON_PERIOD.matcher(f[0]).matches() || !f[1].matches("[0-9]+")) {
                return null;
            }
            return new Line(no, "root", f[0] + " " + f[1], f[3].strip());
        });
    }

    /** An incron table: the schedule is "path mask", the event that starts the command. No environment lines. */
    public static Result incrontab(String text) {
        return lines(text, false, (no, t) -> {
            String[] f = WS.split(t, 3);
            return f.length < 3 ? null : new Line(no, null, f[0] + " " + f[1], f[2].strip());
        });
    }

    private static Result lines(String text, boolean envLines, BiFunction<Integer, String, Line> parser) {
        List<Line> lines = new ArrayList<>();
        List<Env> env = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String t = raw[i].replace("\r", "").strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (t.indexOf('\0') >= 0) {
                problems.add("line " + (i + 1) + ": binary data");
                continue;
            }
            var m = ENV.matcher(t);
            if (envLines && m.matches()) {
                env.add(new Env(i + 1, m.group(1), unquote(m.group(2).strip())));
                continue;
            }
            Line parsed = parser.apply(i + 1, t);
            if (parsed == null) {
                problems.add("line " + (i + 1) + ": not a cron entry");
            } else {
                lines.add(parsed);
            }
        }
        return new Result(lines, env, problems);
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static Line cronLine(int no, String t, boolean hasUserField) {
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
        String schedule = String.join(" ", Arrays.copyOf(f, timeFields));
        String user = hasUserField ? f[timeFields] : null;
        return new Line(no, user, schedule, f[want - 1].strip());
    }
}
