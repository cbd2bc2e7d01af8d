package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A set-uid shell at the bottom of a nest of directories 6,000 bytes deep, past PATH_MAX: a lookup
 * by path cannot reach it, so only a walk from descriptor to descriptor finds it, and an error about
 * such a path must still be one short line.
 */
class DeepNestTest {
    private final Path dir;

    DeepNestTest() throws Exception {
        dir = Files.createTempDirectory("ward-deep");
    }

    /** JUnit's own clean-up deletes by path and would stop at PATH_MAX; rm goes down by descriptor. */
    @AfterEach
    void remove() throws Exception {
        assertEquals(0, new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor());
    }

    /**
     * Makes the nest from inside, as a shell's relative mkdir and cd can, and plants the shell there;
     * returns the shell's path in the root.
     */
    private String plant() throws Exception {
        Files.createDirectories(dir.resolve("root/usr/lib"));
        Path info = Files.createDirectories(dir.resolve("root/var/lib/dpkg/info"));
        Files.writeString(info.resolve("dash.list"), "/usr/bin/dash\n"); // a package database, so set-id files are judged
        String name = "n".repeat(200);
        String script = "cd usr/lib && for i in $(seq 30); do mkdir " + name + "$i && cd " + name + "$i || exit 1; done"
                + " && cp /bin/dash sh && chmod 4755 sh && pwd -P";
        Process p = new ProcessBuilder("bash", "-c", script).directory(dir.resolve("root").toFile()).start();
        String bottom = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor());
        assertTrue(bottom.length() > 6000, bottom.length() + " bytes");
        return bottom.substring(dir.resolve("root").toString().length()) + "/sh";
    }

    @Test
    void aSetIdFileBelowPathMaxIsFoundAndErrorsStayShort() throws Exception {
        String shell = plant();
        Path report = dir.resolve("triage.json");
        MainTest.Run triage = ward("triage", "--root", dir.resolve("root").toString(), "--format", "json",
                "-o", report.toString(), "-q");
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        boolean found = false;
        for (JsonNode f : json.get("findings")) {
            found |= f.get("check").asText().equals("linux.setid.unowned") && f.get("paths").get(0).asText().equals(shell);
        }
        assertTrue(found, triage.err() + json.get("findings"));
        for (JsonNode e : json.get("errors")) {
            assertTrue(e.get("message").asText().length() < 600, e.toString());
        }
        assertTrue(triage.err().lines().allMatch(l -> l.length() < 600), triage.err());
    }

    @Test
    void aBaselineRecordsAndChecksFilesBelowPathMax() throws Exception {
        String shell = plant();
        Path rules = Files.writeString(dir.resolve("rules.conf"), "N = p+u+g+s+sha256\n/usr N\n");
        String[] common = {"--config", rules.toString(), "--db", dir.resolve("base.db").toString(),
            "--root", dir.resolve("root").toString(), "--format", "json", "-o", dir.resolve("r.json").toString(), "-q"};
        MainTest.Run init = ward(concat(new String[] {"baseline", "init"}, common));
        assertEquals(0, init.status(), init.err());
        String nest = shell.substring(1, shell.length() - "/sh".length());
        Process chmod = new ProcessBuilder("bash", "-c", "cd " + dir.resolve("root") + " && cd "
                + String.join(" && cd ", nest.split("/")) + " && chmod 4711 sh").start();
        assertEquals(0, chmod.waitFor(), new String(chmod.getErrorStream().readAllBytes()));
        MainTest.Run check = ward(concat(new String[] {"baseline", "check"}, common));
        assertEquals(4, check.status(), check.err());
        JsonNode changed = new ObjectMapper().readTree(dir.resolve("r.json").toFile()).get("changes").get("changed");
        assertEquals(shell, changed.get(0).get("path").asText());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
