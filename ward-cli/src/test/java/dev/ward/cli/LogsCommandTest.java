package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
}
