package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ward.host.PacketCapture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrafficCommandTest {
    @TempDir
    Path dir;

    @Test
    void filesOrACaptureNotBothNorNeither() throws Exception {
        MainTest.Run neither = ward("traffic");
        assertEquals(64, neither.status());
        assertTrue(neither.err().contains("give capture files to read, or --capture IFACE, not both"), neither.err());
        Path file = Files.createFile(dir.resolve("x.pcap"));
        assertEquals(64, ward("traffic", "--capture", "lo", "--dir", dir.toString(), file.toString()).status());
        MainTest.Run noDir = ward("traffic", "--capture", "lo");
        assertEquals(64, noDir.status());
        assertTrue(noDir.err().contains("--capture needs --dir DIR"), noDir.err());
        MainTest.Run shortRotation = ward("traffic", "--capture", "lo", "--dir", dir.toString(), "--rotate", "0s");
        assertEquals(64, shortRotation.status(), shortRotation.err());
    }

    /** Captures pings on the loopback for two seconds, then reports on what it recorded. */
    @Test
    @Tag("root")
    void capturesThenReports() throws Exception {
        assumeTrue(PacketCapture.available() && Files.isExecutable(Path.of("/usr/bin/ping")), "needs libpcap and ping");
        Process ping = new ProcessBuilder("ping", "-c", "10", "-i", "0.2", "127.0.0.1")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path out = dir.resolve("pcap");
        MainTest.Run r = ward("traffic", "--capture", "lo", "--dir", out.toString(), "--rotate", "1s", "--duration", "2s",
                "--format", "json");
        ping.waitFor();
        assertEquals(0, r.status() & 64, r.err());
        assertTrue(r.err().matches("(?s)ward: captured [0-9]+ packets on lo into [0-9]+ files in .*"), r.err());
        JsonNode summary = new ObjectMapper().readTree(r.out()).get("summary");
        assertTrue(summary.get("protocols").get("icmp").asLong() >= 6, summary.toString());
        try (var files = Files.list(out)) {
            assertTrue(files.count() >= 2, "a file a second");
        }
    }
}
