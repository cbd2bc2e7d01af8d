package dev.ward.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ward run by a user who is not root (nobody, through setpriv) beside a process of root's: what it
 * may not read of that process (its executable, its descriptors) is a collection error and exit bit
 * 16, never a clean report of less than there is.
 */
@Tag("root")
class UnprivilegedTest {
    @TempDir
    Path dir;

    @Test
    void procsAndNetSayWhatTheyCouldNotRead() throws Exception {
        Process roots = new ProcessBuilder("sleep", "120").start();
        try {
            String classpath = readableClasspath();
            for (String[] command : new String[][] {{"procs", "--sample", "0"}, {"net", "--no-connect-scan"}}) {
                List<String> args = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED", "-XX:-UsePerfData", "-cp", classpath, "dev.ward.cli.Main"));
                args.addAll(List.of(command));
                args.addAll(List.of("--format", "json"));
                Process ward = new ProcessBuilder(args).redirectError(dir.resolve("err.txt").toFile()).start();
                byte[] out = ward.getInputStream().readAllBytes();
                assertTrue(ward.waitFor(120, TimeUnit.SECONDS));
                String err = Files.readString(dir.resolve("err.txt"));
                assertEquals(16, ward.exitValue() & 16, command[0] + ": " + err);
                JsonNode errors = new ObjectMapper().readTree(out).get("errors");
                assertTrue(errors.toString().contains("permission denied") && errors.toString().contains("run as root"),
                        command[0] + ": " + errors);
                assertTrue(errors.toString().matches(".*[ (]" + roots.pid() + "[,)].*") || errors.toString().contains("more)"),
                        command[0] + ": " + errors);
            }
        } finally {
            roots.destroyForcibly();
        }
    }

    /** The test's classpath copied where nobody may read it (Maven's repository, and maybe the build, are root's alone). */
    private String readableClasspath() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        List<String> entries = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path to = lib.resolve(n++ + "-" + Path.of(entry).getFileName());
            assertEquals(0, new ProcessBuilder("cp", "-r", entry, to.toString()).start().waitFor(), entry);
            entries.add(to.toString());
        }
        assertEquals(0, new ProcessBuilder("chmod", "-R", "a+rX", dir.toString()).start().waitFor());
        return String.join(File.pathSeparator, entries);
    }
}
