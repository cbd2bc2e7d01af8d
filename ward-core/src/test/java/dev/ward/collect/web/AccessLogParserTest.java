package dev.ward.collect.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.model.WebRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AccessLogParserTest {
    static final Path ELASTIC = Path.of("../../shared/datasets/logs/elastic-examples/apache_logs");

    @Test
    void combinedAndCommonFormats() {
        WebRequest r = AccessLogParser.parse("10.1.1.2 - - [13/Jan/2016:19:31:17 +0000] \"GET /wp-content/themes/darkmode/evil.php "
                + "HTTP/1.1\" 200 1063 \"-\" \"Mozilla/5.0 (Macintosh) Chrome/23.0\"", "/a", 2).orElseThrow();
        assertEquals(new WebRequest(Instant.parse("2016-01-13T19:31:17Z"), "10.1.1.2", "GET", "/wp-content/themes/darkmode/evil.php",
                200, 1063, "Mozilla/5.0 (Macintosh) Chrome/23.0", "/a", 2), r);
        WebRequest common = AccessLogParser.parse("10.0.0.1 - - [13/Jan/2016:19:31:16 +0100] \"GET /h.php?install2 HTTP/1.1\" 200 494",
                "/a", 1).orElseThrow();
        assertEquals(Instant.parse("2016-01-13T18:31:16Z"), common.time());
        assertEquals("", common.userAgent());
        WebRequest garbage = AccessLogParser.parse("198.51.100.1 - - [13/Jan/2016:19:31:16 +0000] \"\\x16\\x03\\x01\" 400 226 \"-\" \"-\"",
                "/a", 3).orElseThrow();
        assertEquals("\\x16\\x03\\x01", garbage.path());
        assertEquals(400, garbage.status());
        assertEquals(true, AccessLogParser.parse("not a log line", "/a", 4).isEmpty());
    }

    /** Elastic's real Apache log: every line read, the status counts those of the file's ninth field. */
    @Test
    void elasticApacheLog() throws Exception {
        assumeTrue(Files.isRegularFile(ELASTIC), "no ../shared/datasets/logs: skipped");
        List<String> lines = Files.readAllLines(ELASTIC);
        Map<Integer, Integer> expected = new TreeMap<>();
        Map<Integer, Integer> found = new TreeMap<>();
        long n = 0;
        for (String line : lines) {
            expected.merge(Integer.parseInt(line.split(" ")[8]), 1, Integer::sum);
            AccessLogParser.parse(line, "/a", ++n).ifPresent(r -> found.merge(r.status(), 1, Integer::sum));
        }
        assertEquals(expected, found);
        assertEquals(10_000, found.values().stream().mapToInt(Integer::intValue).sum());
    }
}
