package dev.ward.report;

import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON report of DESIGN.md: one pretty-printed object, keys in the documented order.
 * Users' scripts depend on it, so keys are only ever added, never renamed or dropped; every key is
 * always present (empty list, empty string) except {@code summary}, which appears only when the
 * command has a summary of its own.
 */
public final class JsonReporter implements Reporter {

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        out.write(Json.pretty(tree(report)).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    /** The report as JSON-shaped maps and lists; the HTML report embeds the same tree. */
    static Map<String, Object> tree(Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", report.tool());
        root.put("version", report.version());
        root.put("host", report.host());
        root.put("root", report.root());
        root.put("started", report.started());
        root.put("finished", report.finished());
        root.put("findings", report.findings().stream().map(JsonReporter::finding).toList());
        root.put("changes", changes(report.changes()));
        root.put("errors", report.errors().stream().map(JsonReporter::error).toList());
        root.put("stats", report.stats());
        if (!report.summary().isEmpty()) {
            root.put("summary", report.summary());
        }
        return root;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("check", f.check());
        m.put("severity", f.severity().label());
        m.put("title", f.title());
        m.put("summary", f.summary());
        m.put("evidence", f.evidence());
        m.put("paths", f.paths());
        m.put("pids", f.pids());
        m.put("attack", f.attack());
        m.put("remediation", f.remediation());
        return m;
    }

    private static Map<String, Object> changes(Changes changes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added", changes.added().stream().map(JsonReporter::change).toList());
        m.put("removed", changes.removed().stream().map(JsonReporter::change).toList());
        m.put("changed", changes.changed().stream().map(JsonReporter::change).toList());
        return m;
    }

    static Map<String, Object> change(Change c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("path", c.path());
        m.put("attributes", c.attributes());
        m.put("old", c.old());
        m.put("new", c.now());
        return m;
    }

    private static Map<String, Object> error(CollectionError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", e.source());
        m.put("path", e.path());
        m.put("message", e.message());
        return m;
    }
}
