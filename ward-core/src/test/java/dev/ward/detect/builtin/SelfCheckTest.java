package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loads a real shared library into this JVM and expects ward to notice it in its own maps. */
class SelfCheckTest {
    @TempDir
    Path dir;

    @Test
    void aCleanProcessHasNothingInjected() throws Exception {
        try (HostRoot live = HostRoot.live()) {
            assertTrue(SelfCheck.mappedFiles(live).stream().anyMatch(f -> f.contains("libc")),
                    "libc must show in /proc/self/maps");
            assertEquals(List.of(), SelfCheck.run(live, Map.of()));
        }
    }

    @Test
    void aLibraryFromAHiddenTemporaryDirectoryIsCritical() throws Exception {
        Path src = dir.resolve("x.c");
        Files.writeString(src, "int ward_probe(void) { return 42; }\n");
        Path lib = Files.createDirectories(dir.resolve(".hidden")).resolve("libprobe.so");
        Process cc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", lib.toString(), src.toString())
                .inheritIO().start();
        assumeTrue(cc.waitFor() == 0, "gcc is needed to build the probe library");
        System.load(lib.toString());
        try (HostRoot live = HostRoot.live()) {
            List<Finding> findings = SelfCheck.run(live, Map.of("LD_PRELOAD", lib.toString()));
            Finding f = findings.stream().filter(x -> x.paths().contains(lib.toString())).findFirst().orElseThrow();
            assertEquals(Severity.CRITICAL, f.severity());
            assertEquals("ward.self.injected_library", f.check());
            assertEquals(lib.toString(), f.evidence().get("LD_PRELOAD"));
        }
    }

    @Test
    void preloadedNamesMatchWithoutTheirDirectory() {
        List<String> s = SelfCheck.mappedSuspects(
                new java.util.LinkedHashSet<>(List.of("/usr/lib/x86_64-linux-gnu/libc.so.6", "/usr/lib/libevil.so")),
                java.util.Set.of("libevil.so"));
        assertEquals(List.of("/usr/lib/libevil.so"), s);
    }

    /** Ward unpacked under /tmp: its own SQLite library is not held against it; another library there is. */
    @Test
    void wardsOwnSqliteLibraryWhereverWardIs() {
        String dir = System.getProperty("org.sqlite.lib.path");
        String name = System.getProperty("org.sqlite.lib.name");
        try {
            System.setProperty("org.sqlite.lib.path", "/tmp/ward/native/org/sqlite/native/Linux/x86_64");
            System.setProperty("org.sqlite.lib.name", "libsqlitejdbc.so");
            List<String> s = SelfCheck.mappedSuspects(new java.util.LinkedHashSet<>(List.of(
                    "/tmp/ward/native/org/sqlite/native/Linux/x86_64/libsqlitejdbc.so", "/tmp/ward/native/libevil.so")),
                    java.util.Set.of());
            assertEquals(List.of("/tmp/ward/native/libevil.so"), s);
        } finally {
            restore("org.sqlite.lib.path", dir);
            restore("org.sqlite.lib.name", name);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
