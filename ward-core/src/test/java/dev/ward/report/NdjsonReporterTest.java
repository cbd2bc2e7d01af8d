package dev.ward.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ward.model.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonReporterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static List<JsonNode> events(Report report) throws Exception {
        String text = SampleReports.render(new NdjsonReporter(), report);
        assertTrue(text.endsWith("\n"));
        List<JsonNode> events = new ArrayList<>();
        for (String line : text.split("\n")) {
            assertFalse(line.isBlank());
            events.add(MAPPER.readTree(line));
        }
        return events;
    }

    @Test
    void oneLinePerFindingChangeAndError() throws Exception {
        Report report = SampleReports.typical();
        List<JsonNode> events = events(report);
        assertEquals(4 + 3 + 2, events.size());
        for (JsonNode e : events) {
            assertEquals("2025-03-01T10:15:33.456Z", e.get("@timestamp").textValue());
            assertEquals("ward", e.at("/event/module").textValue());
            assertEquals("web01", e.at("/host/name").textValue());
            assertTrue(e.at("/ecs/version").isTextual());
            assertFalse(e.has("event.kind"), "nested objects, not dotted keys");
        }
    }

    @Test
    void findingIsAnAlertWithEcsFields() throws Exception {
        JsonNode cron = events(SampleReports.typical()).get(1);
        assertEquals("alert", cron.at("/event/kind").textValue());
        assertEquals("ward.findings", cron.at("/event/dataset").textValue());
        assertEquals(4, cron.at("/event/severity").intValue());
        assertTrue(cron.at("/event/id").textValue().matches("[0-9a-f]{16}"));
        assertEquals("linux.cron.download_and_run", cron.at("/rule/id").textValue());
        assertEquals("Cron job downloads and runs code", cron.at("/rule/name").textValue());
        assertTrue(cron.get("message").textValue().startsWith("A cron job fetches"));
        assertEquals("/etc/cron.d/updater", cron.at("/file/path").textValue());
        assertEquals("T1053.003", cron.at("/threat/technique/id/0").textValue());
        assertEquals("www-data", cron.at("/user/name").textValue());
        assertEquals("203.0.113.9", cron.at("/source/ip").textValue());
        assertEquals("*/5 * * * *", cron.at("/ward/evidence/schedule").textValue());
        assertEquals("/etc/cron.d/updater", cron.at("/ward/paths/0").textValue());
        assertEquals("Quarantine the file.", cron.at("/ward/remediation").textValue());
        assertFalse(cron.has("process"));
    }

    @Test
    void processPidAndAbsentOptionalFields() throws Exception {
        List<JsonNode> events = events(SampleReports.typical());
        JsonNode deleted = events.get(2);
        assertEquals(4242, deleted.at("/process/pid").intValue());
        JsonNode info = events.get(3);
        assertEquals(1, info.at("/event/severity").intValue());
        assertFalse(info.has("threat") || info.has("user") || info.has("source") || info.has("process"));
    }

    @Test
    void changesAndErrorsAreEvents() throws Exception {
        List<JsonNode> events = events(SampleReports.typical());
        JsonNode added = events.get(4);
        assertEquals("event", added.at("/event/kind").textValue());
        assertEquals("creation", added.at("/event/type/0").textValue());
        assertEquals("file", added.at("/event/category/0").textValue());
        assertEquals("change", events.get(6).at("/event/type/0").textValue());
        JsonNode error = events.get(7);
        assertEquals("event", error.at("/event/kind").textValue());
        assertEquals("error", error.at("/event/type/0").textValue());
        assertEquals("permission denied", error.at("/error/message").textValue());
        assertEquals("/proc/1/exe", error.at("/file/path").textValue());
        assertFalse(events.get(8).has("file"), "no file.path when the error has no path");
    }

    @Test
    void severityScaleRises() {
        assertEquals(List.of(1, 2, 3, 4, 5), List.of(Severity.values()).stream().map(NdjsonReporter::severity).toList());
    }

    @Test
    void newlinesInTextNeverSplitAnEvent() throws Exception {
        List<JsonNode> events = events(SampleReports.malicious());
        assertEquals(3 + 1 + 1, events.size());
        assertEquals("/tmp/raw\nnewline", events.getFirst().at("/ward/paths/1").textValue());
        assertEquals(0, SampleReports.render(new NdjsonReporter(), SampleReports.empty()).length());
    }
}
