package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ward logs}: the summary's counts in JSON, the findings, --since, a file named on the command line. */
class LogsCommandTest {
    @TempDir
    Path dir;

    @Test
    void summaryAndFindings() throws Exception {
        Path log = dir.resolve("var/log/auth.log");
        Files.createDirectories(log.getParent());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            text.append("Nov 20 03:12:0").append(i).append(" web1 sshd[41").append(i)
                    .append("]: Failed password for root from 203.0.113.45 port 4000").append(i).append(" ssh2\n");
        }
        text.append("Nov 20 04:00:00 web1 sshd[4200]: Failed password for alice from 198.51.100.7 port 1 ssh2\n");
        text.append("Nov 20 04:01:00 web1 sshd[4201]: Accepted publickey for alice from 198.51.100.7 port 2 ssh2: ED25519 x\n");
        Files.writeString(log, text);
        Files.setLastModifiedTime(log, FileTime.from(Instant.parse("2026-11-21T00:00:00Z")));
        Path out = dir.resolve("logs.json");
        assertEquals(8, ward("logs", "--root", dir.toString(), "--format", "json", "-o", out.toString(), "-q").status());
        JsonNode summary = new ObjectMapper().readTree(out.toFile()).get("summary");
        assertEquals(6, summary.get("failed_logins_by_source").get("203.0.113.45").asInt());
        assertEquals(1, summary.get("failed_logins_by_source").get("198.51.100.7").asInt());
        assertEquals(1, summary.get("logins_by_user").get("alice").asInt());
        JsonNode findings = new ObjectMapper().readTree(out.toFile()).get("findings");
        assertEquals("linux.logs.brute_force", findings.get(0).get("check").asText());

        MainTest.Run later = ward("logs", "--root", dir.toString(), "--since", "2026-11-20T03:30:00Z", "/var/log/auth.log");
        assertEquals(0, later.status(), later.err());
        assertTrue(later.out().contains("failed_logins_by_source: {\"198.51.100.7\":1}"), later.out());
        assertEquals(64, ward("logs", "--since", "yesterday").status());
    }

    /**
     * A log of a line over a gigabyte (a sparse file, no newline until its end): the line is cut and
     * counted, the lines after it and the other logs read, and the report written with the run
     * marked incomplete.
     */
    @Test
    void aHugeLineIsCut() throws Exception {
        Path log = dir.resolve("var/log/auth.log");
        Files.createDirectories(log.getParent());
        String after = "\nNov 20 04:00:00 web1 sshd[4200]: Failed password for alice from 198.51.100.7 port 1 ssh2\n";
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "rw")) {
            f.setLength((1L << 30) + 4096);
            f.seek(f.length());
            f.write(after.getBytes(StandardCharsets.US_ASCII));
        }
        Files.writeString(dir.resolve("var/log/auth.log.1"),
                "Nov 19 04:00:00 web1 sshd[4100]: Failed password for root from 203.0.113.45 port 1 ssh2\n");
        Path out = dir.resolve("logs.json");
        assertEquals(16, ward("logs", "--root", dir.toString(), "--format", "json", "-o", out.toString(), "-q").status());
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertEquals(1, report.get("errors").size(), report.get("errors").toString());
        JsonNode error = report.get("errors").get(0);
        assertEquals("/var/log/auth.log", error.get("path").asText());
        assertEquals("offset 0: line longer than 65536 bytes, cut to that (1 such line)", error.get("message").asText());
        JsonNode failed = report.get("summary").get("failed_logins_by_source");
        assertEquals(1, failed.get("198.51.100.7").asInt());
        assertEquals(1, failed.get("203.0.113.45").asInt());
    }
}
