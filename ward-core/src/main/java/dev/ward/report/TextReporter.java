package dev.ward.report;

import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report for a terminal: a header, findings grouped by severity (most severe first, each group
 * with its count), changes, collection errors and a one-line total. Lines wrap at the width; only
 * an unbreakable token (a long path) may pass it. All report text goes through {@link Printable},
 * so nothing an attacker named can send escape sequences to the analyst's terminal. ANSI colour is
 * written only when asked for; the caller decides (a tty, no {@code NO_COLOR}).
 */
public final class TextReporter implements Reporter {
    public static final int DEFAULT_WIDTH = 80;
    /** Narrower than this, indents and labels leave no room for text. */
    private static final int MIN_WIDTH = 40;
    private static final int MAX_EVIDENCE = 6;
    private static final int MAX_PATHS = 5;
    private static final int MAX_VALUE = 160;
    private static final String INDENT = "    ";
    private static final String RESET = "\u001b[0m";

    private final boolean colour;
    private final int width;

    /** No colour, 80 columns: for files and pipes. */
    public TextReporter() {
        this(false, DEFAULT_WIDTH);
    }

    public TextReporter(boolean colour, int width) {
        this.colour = colour;
        this.width = Math.max(MIN_WIDTH, width);
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        TextLayout t = new TextLayout(width);
        header(t, report);
        findings(t, report.findings());
        TextSections.changes(t, report.changes());
        TextSections.errors(t, report.errors());
        t.para("", INDENT, TextSections.total(report));
        out.write(t.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void header(TextLayout t, Report r) {
        String text = Printable.line(r.tool() + " " + r.version() + " report for host " + r.host()
                + ", root " + r.root() + ", " + time(r.started()) + " to " + time(r.finished()));
        t.para("", INDENT, text);
        List<Map.Entry<String, List<?>>> tables = new ArrayList<>();
        for (Map.Entry<String, Object> e : r.summary().entrySet()) {
            if (isTable(e.getValue())) {
                tables.add(Map.entry(e.getKey(), (List<?>) e.getValue()));
            } else {
                t.para("  " + Printable.line(e.getKey()) + ": ", INDENT, value(e.getValue()));
            }
        }
        t.blank();
        for (Map.Entry<String, List<?>> table : tables) {
            table(t, table.getValue());
            t.blank();
        }
    }

    /** A list of rows with the same columns (the processes of {@code ward procs}): a table, not a value. */
    private static boolean isTable(Object value) {
        return value instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> x instanceof Map<?, ?> m
                && m.keySet().equals(((Map<?, ?>) l.getFirst()).keySet()));
    }

    /** Columns as wide as their widest cell (up to {@value #MAX_CELL}), the last one left ragged. */
    private static void table(TextLayout t, List<?> rows) {
        List<String> columns = ((Map<?, ?>) rows.getFirst()).keySet().stream().map(String::valueOf).toList();
        List<List<String>> cells = new ArrayList<>();
        cells.add(columns.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList());
        for (Object row : rows) {
            Map<?, ?> m = (Map<?, ?>) row;
            cells.add(columns.stream().map(c -> cell(m.get(c))).toList());
        }
        int[] width = new int[columns.size()];
        for (List<String> row : cells) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                line.append(i + 1 < row.size() ? c + " ".repeat(width[i] - c.length() + 1) : c);
            }
            t.line(line.toString().stripTrailing());
        }
    }

    private static final int MAX_CELL = 60;

    private static String cell(Object value) {
        String text = value == null ? "-" : Printable.line(value instanceof String s ? s : Json.compact(value));
        text = text.isEmpty() ? "-" : text;
        return text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL - 3) + "...";
    }

    /** Seconds are enough for a person; the JSON report keeps the full precision. */
    private static String time(Instant instant) {
        return instant == null ? "?" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private void findings(TextLayout t, List<Finding> findings) {
        if (findings.isEmpty()) {
            t.line("No findings.").blank();
            return;
        }
        for (Severity s : List.of(Severity.values()).reversed()) {
            List<Finding> group = findings.stream().filter(f -> f.severity() == s).toList();
            if (group.isEmpty()) {
                continue;
            }
            String heading = s.name() + " (" + group.size() + ")";
            t.line(paint(s, heading)).blank();
            group.forEach(f -> finding(t, f));
        }
    }

    private void finding(TextLayout t, Finding f) {
        String tag = "[" + f.severity().name() + "] ";
        t.para(tag, paint(f.severity(), tag.strip()) + " ", INDENT, Printable.line(f.title()));
        t.para(INDENT, INDENT, "check " + Printable.line(f.check()) + ", id " + f.id());
        for (String paragraph : f.summary().split("\n")) {
            if (!paragraph.isBlank()) {
                t.para(INDENT, INDENT, Printable.line(paragraph));
            }
        }
        List<String> paths = f.paths();
        for (int i = 0; i < Math.min(paths.size(), MAX_PATHS); i++) {
            t.para(INDENT + "path: ", INDENT + "  ", Printable.line(paths.get(i)));
        }
        more(t, paths.size() - MAX_PATHS, "paths");
        if (!f.pids().isEmpty()) {
            t.para(INDENT + "pid: ", INDENT + "  ", String.join(", ", f.pids().stream().map(String::valueOf).toList()));
        }
        if (!f.attack().isEmpty()) {
            t.para(INDENT + "ATT&CK: ", INDENT + "  ", Printable.line(String.join(", ", f.attack())));
        }
        // Evidence that repeats a path shown just above is left out here; JSON keeps it.
        List<Map.Entry<String, Object>> evidence = new ArrayList<>(f.evidence().entrySet());
        evidence.removeIf(e -> e.getKey().equals("path") && paths.contains(e.getValue()));
        for (Map.Entry<String, Object> e : evidence.subList(0, Math.min(evidence.size(), MAX_EVIDENCE))) {
            t.para(INDENT + Printable.line(e.getKey()) + ": ", INDENT + "  ", value(e.getValue()));
        }
        more(t, evidence.size() - MAX_EVIDENCE, "evidence fields; --format json shows all");
        if (!f.remediation().isBlank()) {
            t.para(INDENT + "fix: ", INDENT + "  ", Printable.line(f.remediation()));
        }
        t.blank();
    }

    private static void more(TextLayout t, int hidden, String what) {
        if (hidden > 0) {
            t.para(INDENT, INDENT + "  ", "(" + hidden + " more " + what + ")");
        }
    }

    /** A string as it is, anything else as compact JSON; cut short, since JSON has it all. */
    private static String value(Object value) {
        String text = Printable.line(value instanceof String s ? s : Json.compact(value));
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE - 3) + "...";
    }

    private String paint(Severity s, String text) {
        if (!colour) {
            return text;
        }
        String code = switch (s) {
            case CRITICAL -> "\u001b[1;97;41m";
            case HIGH -> "\u001b[1;31m";
            case MEDIUM -> "\u001b[33m";
            case LOW -> "\u001b[36m";
            case INFO -> "\u001b[2m";
        };
        return code + text + RESET;
    }
}
