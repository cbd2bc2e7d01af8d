package dev.ward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs ward in a new JVM under LD_PRELOAD, as it would run on a host with a userland rootkit, and
 * expects it to say so before anything else.
 */
class InjectedLibraryTest {
    @TempDir
    Path dir;

    @Test
    void aPreloadedLibraryIsACriticalFindingAboutWardItself() throws Exception {
        Path src = dir.resolve("hook.c");
        Files.writeString(src, "int ward_hook_marker = 1;\n");
        Path lib = dir.resolve("libhook.so");
        assumeTrue(new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", lib.toString(), src.toString())
                .inheritIO().start().waitFor() == 0, "gcc is needed to build the library");
        Path root = Files.createDirectories(dir.resolve("root/etc"));
        Files.writeString(root.resolve("passwd"), "root:x:0:0::/root:/bin/bash\n");
        Files.writeString(root.resolve("shadow"), "root:*:20000:0:99999:7:::\n");
        Path report = dir.resolve("report.json");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), "dev.ward.cli.Main",
                "triage", "--root", dir.resolve("root").toString(), "--format", "json", "-o", report.toString());
        pb.environment().put("LD_PRELOAD", lib.toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        int status = pb.start().waitFor();
        assertEquals(8, status & 8, Files.readString(dir.resolve("out.txt")));
        JsonNode first = new ObjectMapper().readTree(report.toFile()).get("findings").get(0);
        assertEquals("ward.self.injected_library", first.get("check").asText());
        assertEquals("critical", first.get("severity").asText());
        assertTrue(first.get("paths").get(0).asText().endsWith("libhook.so"), first.toString());
    }
}
