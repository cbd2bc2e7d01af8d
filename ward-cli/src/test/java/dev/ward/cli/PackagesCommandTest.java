package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ward packages} and {@code ward changed} on a small root: exit status, JSON summary, usage errors. */
class PackagesCommandTest {
    @TempDir
    Path dir;

    private Path write(String path, String text) throws Exception {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void packagesReportsAChangedProgramWithItsPackage() throws Exception {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest("ls\n".getBytes()));
        write("var/lib/dpkg/status", "Package: coreutils\nStatus: install ok installed\nArchitecture: amd64\nVersion: 9.1-1\n");
        write("var/lib/dpkg/info/coreutils.list", "/.\n/usr\n/usr/bin\n/usr/bin/ls\n");
        write("var/lib/dpkg/info/coreutils.md5sums", md5 + "  usr/bin/ls\n");
        write("usr/bin/ls", "trojan\n");
        Path out = dir.resolve("report.json");
        MainTest.Run r = ward("packages", "--root", dir.toString(), "--format", "json", "-o", out.toString(), "-q");
        assertEquals(8, r.status(), r.err());
        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertEquals("dpkg", report.get("summary").get("package_manager").asText());
        assertEquals(1, report.get("summary").get("files_verified").asInt());
        assertEquals(1, report.get("summary").get("changed").asInt());
        JsonNode f = report.get("findings").get(0);
        assertEquals("linux.packages.file_changed", f.get("check").asText());
        assertEquals("apt-get install --reinstall coreutils", f.get("evidence").get("restore").asText());

        write("opt/vendor/bin/agent", "\u007fELF");
        MainTest.Run dirs = ward("packages", "--root", dir.toString(), "--system-dirs", "/opt/vendor/bin,/usr/bin", "-q");
        assertTrue(dirs.out().contains("/opt/vendor/bin/agent (executable, owned by no package"), dirs.out());
        assertTrue(!ward("packages", "--root", dir.toString()).out().contains("/opt/vendor"), "not a system directory by default");
    }

    /** A site's own check over the verified files, run by triage like the built-in ones. */
    @Test
    void yamlChecksRunOverPackageFiles() throws Exception {
        packagesReportsAChangedProgramWithItsPackage();
        Path checks = write("site-checks/ssh_binary.yaml", """
                schema: 1
                id: site.packages.changed_program
                title: A program of a package changed
                description: For a site that wants any changed program critical.
                severity: critical
                source: package_files
                requires: [dpkg]
                match:
                  all:
                    - {field: state, equals: changed}
                    - {field: kind, equals: binary}
                summary: "{path} of {packageName} changed"
                paths: [path]
                remediation: Reinstall it.
                """).getParent();
        Path out = dir.resolve("triage.json");
        int status = ward("triage", "--root", dir.toString(), "--checks", checks.toString(), "--format", "json",
                "-o", out.toString(), "-q").status();
        assertEquals(8, status & 8, "a finding; the bare root also makes the run incomplete (no /etc/passwd): " + status);
        JsonNode first = new ObjectMapper().readTree(out.toFile()).get("findings").get(0);
        assertEquals("site.packages.changed_program", first.get("check").asText());
        assertEquals("/usr/bin/ls of coreutils changed", first.get("summary").asText());
    }

    @Test
    void changedListsFilesInTheWindowAndSetsBitFour() throws Exception {
        Path old = write("etc/old.conf", "old");
        Files.setLastModifiedTime(old, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        write("etc/new.conf", "new");
        MainTest.Run r = ward("changed", "--root", dir.toString(), "--since", "1h", "--time", "m", "/etc");
        assertEquals(4, r.status(), r.err());
        assertTrue(r.out().contains("changed  /etc/new.conf (mtime)"), r.out());
        assertTrue(!r.out().contains("old.conf"), r.out());
        MainTest.Run between = ward("changed", "--root", dir.toString(), "--between", "2019-12-31", "2020-01-02", "--time", "m");
        assertEquals(4, between.status(), between.err());
        assertTrue(between.out().contains("/etc/old.conf (mtime)"), between.out());
    }

    @Test
    void changedNeedsOneWindowAndKnownTimes() {
        assertEquals(64, ward("changed").status());
        assertEquals(64, ward("changed", "--since", "1h", "--between", "2020-01-01", "2020-01-02").status());
        MainTest.Run bad = ward("changed", "--since", "1h", "--time", "x");
        assertEquals(64, bad.status());
        assertTrue(bad.err().contains("unknown time 'x'"), bad.err());
        assertTrue(ward("changed", "--between", "2020-01-02", "2020-01-01").err().contains("ends"));
    }
}
