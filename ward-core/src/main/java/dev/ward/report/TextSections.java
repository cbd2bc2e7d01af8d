package dev.ward.report;

import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.ArrayList;
import java.util.List;

/** The parts of the text report after the findings: changes, errors and the total line. */
final class TextSections {
    private static final String INDENT = "  ";
    private static final String LABEL_INDENT = "           ";

    private TextSections() {
    }

    static void changes(TextLayout t, Changes c) {
        if (c.isEmpty()) {
            return;
        }
        t.para("", INDENT, "Changes: " + c.added().size() + " added, " + c.removed().size() + " removed, "
                + c.changed().size() + " changed").blank();
        c.added().forEach(ch -> change(t, "added", ch));
        c.removed().forEach(ch -> change(t, "removed", ch));
        c.changed().forEach(ch -> change(t, "changed", ch));
        t.blank();
    }

    private static void change(TextLayout t, String label, Change c) {
        String text = Printable.line(c.path());
        if (!c.attributes().isEmpty()) {
            text += " (" + Printable.line(String.join(", ", c.attributes())) + ")";
        }
        t.para(INDENT + String.format("%-9s", label), LABEL_INDENT, text);
        if (c.old().isEmpty() && !c.now().isEmpty() && label.equals("changed")) {
            // A file listed for its times (ward changed), not compared with a baseline: its current values.
            List<String> values = new ArrayList<>();
            c.now().forEach((k, v) -> values.add(k + " " + v));
            t.para(LABEL_INDENT, LABEL_INDENT, Printable.line(String.join(", ", values)));
        }
    }

    static void errors(TextLayout t, List<CollectionError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        t.para("", INDENT, "Collection errors (" + errors.size() + "): the run was incomplete").blank();
        for (CollectionError e : errors) {
            t.para(INDENT, INDENT + "  ", Printable.line(e.toString()));
        }
        t.blank();
    }

    /** "3 findings: 1 critical, 2 high; 2 errors": counts per severity, most severe first. */
    static String total(Report report) {
        List<Finding> findings = report.findings();
        StringBuilder s = new StringBuilder(plural(findings.size(), "finding"));
        List<String> counts = new ArrayList<>();
        for (Severity sev : List.of(Severity.values()).reversed()) {
            long n = findings.stream().filter(f -> f.severity() == sev).count();
            if (n > 0) {
                counts.add(n + " " + sev.label());
            }
        }
        if (!counts.isEmpty()) {
            s.append(": ").append(String.join(", ", counts));
        }
        Changes c = report.changes();
        if (!c.isEmpty()) {
            int n = c.added().size() + c.removed().size() + c.changed().size();
            s.append("; ").append(plural(n, "change"));
        }
        if (!report.errors().isEmpty()) {
            s.append("; ").append(plural(report.errors().size(), "error"));
        }
        return s.toString();
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
