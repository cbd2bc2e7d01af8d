package dev.ward.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ward.model.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON report is a stable interface: every key, its type and its order are checked here. */
class JsonReporterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode parse(Report report) throws Exception {
        return MAPPER.readTree(SampleReports.render(new JsonReporter(), report));
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void topLevelKeysInContractOrder() throws Exception {
        JsonNode root = parse(SampleReports.typical());
        assertEquals(List.of("tool", "version", "host", "root", "started", "finished", "findings", "changes",
                "errors", "stats"), keys(root));
        assertEquals("ward", root.get("tool").textValue());
        assertEquals("0.1.0", root.get("version").textValue());
        assertEquals("web01", root.get("host").textValue());
        assertEquals("/", root.get("root").textValue());
        assertEquals(SampleReports.STARTED, Instant.parse(root.get("started").textValue()));
        assertEquals(SampleReports.FINISHED, Instant.parse(root.get("finished").textValue()));
        assertTrue(root.get("stats").isObject());
        assertEquals(42, root.get("stats").get("checks").intValue());
    }

    @Test
    void findingsCarryEveryKeyWithItsType() throws Exception {
        Report report = SampleReports.typical();
        JsonNode findings = parse(report).get("findings");
        assertEquals(report.findings().size(), findings.size());
        for (int i = 0; i < findings.size(); i++) {
            JsonNode f = findings.get(i);
            Finding expected = report.findings().get(i);
            assertEquals(List.of("id", "check", "severity", "title", "summary", "evidence", "paths", "pids",
                    "attack", "remediation"), keys(f));
            assertEquals(expected.id(), f.get("id").textValue());
            assertEquals(expected.check(), f.get("check").textValue());
            assertEquals(expected.severity().label(), f.get("severity").textValue());
            assertTrue(f.get("severity").textValue().matches("info|low|medium|high|critical"));
            assertTrue(f.get("title").isTextual() && f.get("summary").isTextual() && f.get("remediation").isTextual());
            assertTrue(f.get("evidence").isObject());
            assertTrue(f.get("paths").isArray() && f.get("pids").isArray() && f.get("attack").isArray());
            f.get("paths").forEach(p -> assertTrue(p.isTextual()));
            f.get("pids").forEach(p -> assertTrue(p.isIntegralNumber()));
            f.get("attack").forEach(a -> assertTrue(a.textValue().matches("T\\d{4}(\\.\\d{3})?")));
        }
        assertEquals("critical", findings.get(0).get("severity").textValue(), "ranked, most severe first");
        JsonNode deleted = findings.get(2);
        assertEquals(4242, deleted.get("pids").get(0).intValue());
        assertEquals("r-xp", deleted.get("evidence").get("maps").get(0).get("perms").textValue());
        assertEquals(10240.5, deleted.get("evidence").get("rss_kib").doubleValue());
    }

    @Test
    void changesAndErrorsHaveTheirShapes() throws Exception {
        JsonNode root = parse(SampleReports.typical());
        JsonNode changes = root.get("changes");
        assertEquals(List.of("added", "removed", "changed"), keys(changes));
        JsonNode changed = changes.get("changed").get(0);
        assertEquals(List.of("path", "attributes", "old", "new"), keys(changed));
        assertEquals("/etc/passwd", changed.get("path").textValue());
        assertEquals("sha256", changed.get("attributes").get(0).textValue());
        assertEquals("aa", changed.get("old").get("sha256").textValue());
        assertEquals("bb", changed.get("new").get("sha256").textValue());
        assertTrue(changes.get("added").get(0).get("old").isEmpty());
        JsonNode error = root.get("errors").get(0);
        assertEquals(List.of("source", "path", "message"), keys(error));
        assertEquals("permission denied", error.get("message").textValue());
        assertEquals("", root.get("errors").get(1).get("path").textValue());
    }

    @Test
    void summaryOnlyWhenTheCommandHasOne() throws Exception {
        assertFalse(parse(SampleReports.typical()).has("summary"));
        JsonNode empty = parse(SampleReports.empty());
        assertEquals("summary", keys(empty).getLast());
        assertEquals(5, empty.get("summary").get("logins").get("alice").intValue());
        assertEquals(0, empty.get("findings").size());
        assertTrue(empty.get("changes").get("added").isArray());
    }

    @Test
    void hostileTextSurvivesExactly() throws Exception {
        JsonNode f = parse(SampleReports.malicious()).get("findings").get(0);
        assertEquals(SampleReports.MALICIOUS_TITLE, f.get("title").textValue());
        assertEquals(SampleReports.ESCAPED_PATH, f.get("paths").get(0).textValue());
        assertEquals("/tmp/raw\nnewline", f.get("paths").get(1).textValue());
    }

    @Test
    void matchesGoldenFile() throws Exception {
        Golden.assertMatches("report.json", SampleReports.render(new JsonReporter(), SampleReports.typical()));
    }
}
