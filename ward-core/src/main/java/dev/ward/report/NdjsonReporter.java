package dev.ward.report;

import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Elastic Common Schema event per line, ready for Filebeat, Fluent Bit or Vector. Fields are
 * nested objects ({@code {"event":{"kind":"alert"}}}), not dotted keys, which every ECS consumer
 * reads. Every event is stamped with the report's finish time.
 *
 * <ul>
 *   <li>a finding: {@code event.kind: alert}, {@code event.dataset: ward.findings};
 *   <li>a baseline change: {@code event.kind: event}, {@code event.category: [file]},
 *       {@code event.type: [creation|deletion|change]}, {@code event.dataset: ward.changes};
 *   <li>a collection error: {@code event.kind: event}, {@code event.type: [error]},
 *       {@code event.dataset: ward.errors}.
 * </ul>
 *
 * <p>{@code event.severity} is numeric and rises with severity: info 1, low 2, medium 3, high 4,
 * critical 5 ({@link #SEVERITY}). ECS leaves the scale to the source; this one sorts and filters
 * naturally ({@code event.severity >= 4}). The label is kept in {@code ward.severity}.
 */
public final class NdjsonReporter implements Reporter {
    public static final String ECS_VERSION = "8.11.0";

    /** The scale as text, for documentation and {@code --help}. */
    public static final String SEVERITY = "info=1 low=2 medium=3 high=4 critical=5";

    /** {@code event.severity} for a severity: info 1 ... critical 5. */
    public static int severity(Severity s) {
        return s.ordinal() + 1;
    }

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        for (Finding f : report.findings()) {
            line(out, finding(report, f));
        }
        Changes c = report.changes();
        for (Change ch : c.added()) {
            line(out, change(report, ch, "creation"));
        }
        for (Change ch : c.removed()) {
            line(out, change(report, ch, "deletion"));
        }
        for (Change ch : c.changed()) {
            line(out, change(report, ch, "change"));
        }
        for (CollectionError e : report.errors()) {
            line(out, error(report, e));
        }
        out.flush();
    }

    private static void line(OutputStream out, Map<String, Object> event) throws IOException {
        out.write((Json.compact(event) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> finding(Report report, Finding f) {
        Map<String, Object> event = base(report, "alert", "ward.findings");
        Map<String, Object> meta = obj(event, "event");
        meta.put("severity", severity(f.severity()));
        meta.put("id", f.id());
        obj(event, "rule").put("id", f.check());
        obj(event, "rule").put("name", f.title());
        event.put("message", f.summary().isEmpty() ? f.title() : f.summary());
        if (!f.paths().isEmpty()) {
            obj(event, "file").put("path", f.paths().getFirst());
        }
        if (!f.pids().isEmpty()) {
            obj(event, "process").put("pid", f.pids().getFirst());
        }
        if (!f.attack().isEmpty()) {
            obj(event, "threat").put("framework", "MITRE ATT&CK");
            obj(obj(event, "threat"), "technique").put("id", f.attack());
        }
        if (f.evidence().get("user") instanceof String user) {
            obj(event, "user").put("name", user);
        }
        if (f.evidence().get("source_ip") instanceof String ip) {
            obj(event, "source").put("ip", ip);
        }
        Map<String, Object> ward = obj(event, "ward");
        ward.put("severity", f.severity().label());
        ward.put("evidence", f.evidence());
        ward.put("paths", f.paths());
        ward.put("pids", f.pids());
        ward.put("remediation", f.remediation());
        return event;
    }

    private static Map<String, Object> change(Report report, Change c, String type) {
        Map<String, Object> event = base(report, "event", "ward.changes");
        obj(event, "event").put("category", List.of("file"));
        obj(event, "event").put("type", List.of(type));
        event.put("message", type + " " + c.path());
        obj(event, "file").put("path", c.path());
        obj(event, "ward").put("change", JsonReporter.change(c));
        return event;
    }

    private static Map<String, Object> error(Report report, CollectionError e) {
        Map<String, Object> event = base(report, "event", "ward.errors");
        obj(event, "event").put("type", List.of("error"));
        event.put("message", e.toString());
        obj(event, "error").put("message", e.message());
        if (!e.path().isEmpty()) {
            obj(event, "file").put("path", e.path());
        }
        obj(event, "ward").put("source", e.source());
        return event;
    }

    private static Map<String, Object> base(Report report, String kind, String dataset) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("@timestamp", report.finished());
        obj(event, "ecs").put("version", ECS_VERSION);
        Map<String, Object> meta = obj(event, "event");
        meta.put("kind", kind);
        meta.put("module", "ward");
        meta.put("dataset", dataset);
        obj(event, "host").put("name", report.host());
        obj(event, "agent").put("type", report.tool());
        obj(event, "agent").put("version", report.version());
        obj(event, "ward").put("root", report.root());
        return event;
    }

    /** The nested object under {@code key}, created on first use. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
    }
}
