package dev.ward.collect.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Scan;
import dev.ward.host.HostRoot;
import dev.ward.model.PackageFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A root with a small dpkg database written by hand, each file in one of the states verification tells apart. */
class PackageFilesCollectorTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws Exception {
        Path p = dir.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void eachFileOnceWithItsState() throws Exception {
        write("/var/lib/dpkg/status", """
                Package: coreutils
                Status: install ok installed
                Architecture: amd64
                Version: 9.1-1

                Package: tool
                Status: install ok installed
                Architecture: amd64
                Version: 1.0
                Conffiles:
                 /etc/tool.conf %s
                 /etc/tool.old %s obsolete

                Package: gone
                Status: deinstall ok config-files
                Architecture: all
                Version: 1.0
                """.formatted(md5("shipped\n"), md5("old\n")));
        write("/var/lib/dpkg/diversions", "/usr/bin/locate\n/usr/bin/locate.real\ntool\n");
        write("/var/lib/dpkg/info/coreutils.list", "/.\n/usr\n/usr/bin\n/bin/ls\n/usr/bin/cat\n/usr/bin/rm\n/usr/bin/locate\n/usr/bin/ln\n");
        write("/var/lib/dpkg/info/coreutils.md5sums", String.join("", List.of(
                md5("ls\n") + "  bin/ls\n",
                md5("cat\n") + "  usr/bin/cat\n",
                md5("rm\n") + "  usr/bin/rm\n",
                md5("locate\n") + "  usr/bin/locate\n",
                md5("ln\n") + "  usr/bin/ln\n",
                md5("dd\n") + "  usr/bin/dd\n")));
        write("/var/lib/dpkg/info/tool.list", "/.\n/usr/bin/dd\n/etc/tool.conf\n");
        write("/var/lib/dpkg/info/tool.md5sums", md5("dd by tool\n") + "  usr/bin/dd\n");
        Files.createDirectories(dir.resolve("usr/bin"));
        Files.createSymbolicLink(dir.resolve("bin"), Path.of("usr/bin"));
        write("/usr/bin/ls", "ls\n");                       // listed as /bin/ls: merged /usr, reported where it is
        write("/usr/bin/cat", "cat, trojaned\n");           // changed
        write("/usr/bin/locate.real", "locate\n");          // diverted by tool: coreutils' file is here
        write("/usr/bin/locate", "tool's locate\n");        // tool's own, not in coreutils' sums
        Files.createSymbolicLink(dir.resolve("usr/bin/ln"), Path.of("busybox")); // no longer a regular file
        write("/usr/bin/dd", "dd by tool\n");               // taken over by tool (Replaces:)
        write("/etc/tool.conf", "edited\n");                 // conffile changed; /usr/bin/rm is missing
        try (HostRoot root = HostRoot.open(dir)) {
            CollectResult<PackageFile> r = new PackageFilesCollector().collect(new Scan(root, InstantSource.system()));
            assertEquals(List.of(), r.errors());
            Map<String, String> states = r.records().stream().collect(Collectors.toMap(PackageFile::path,
                    f -> f.packageName() + " " + f.kind().label() + " " + f.state().label(), (a, b) -> a + " | " + b, TreeMap::new));
            assertEquals(Map.of(
                    "/usr/bin/ls", "coreutils binary ok",
                    "/usr/bin/cat", "coreutils binary changed",
                    "/usr/bin/rm", "coreutils binary missing",
                    "/usr/bin/locate.real", "coreutils binary ok",
                    "/usr/bin/ln", "coreutils binary changed",
                    "/usr/bin/dd", "tool binary ok",
                    "/etc/tool.conf", "tool config changed"), states);
            PackageFile ln = r.records().stream().filter(f -> f.path().equals("/usr/bin/ln")).findFirst().orElseThrow();
            assertNull(ln.actualMd5(), "a symlink has no content digest");
            PackageFile cat = r.records().stream().filter(f -> f.path().equals("/usr/bin/cat")).findFirst().orElseThrow();
            assertEquals(md5("cat, trojaned\n"), cat.actualMd5());
            assertEquals("apt-get install --reinstall coreutils", cat.reinstall());
        }
    }

    @Test
    void noDatabaseNoRecords() throws Exception {
        try (HostRoot root = HostRoot.open(dir)) {
            CollectResult<PackageFile> r = new PackageFilesCollector().collect(new Scan(root, InstantSource.system()));
            assertEquals(List.of(), r.records());
            assertEquals(List.of(), r.errors());
        }
    }
}
