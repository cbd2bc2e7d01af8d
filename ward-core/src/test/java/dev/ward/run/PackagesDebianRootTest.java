package dev.ward.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.Scan;
import dev.ward.collect.dpkg.PackageFilesCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.builtin.PackageFilesDetector;
import dev.ward.detect.builtin.PackageTimesDetector;
import dev.ward.detect.builtin.UnownedDetector;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.model.PackageFile;
import dev.ward.model.Severity;
import dev.ward.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ward packages} on a debootstrapped Debian 12 root: every packaged file verified, the
 * techniques applied to a copy found, and quiet again once the package is reinstalled with dpkg
 * inside the root (from the .deb debootstrap left in /var/cache/apt/archives).
 */
@Tag("debian-root")
class PackagesDebianRootTest {
    /** How long after the copy the detector's ctime comparisons allow (the ctimes here are all minutes old). */
    static final Duration SLACK = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    @Test
    void everyPackagedFileVerifiedAndAllIntact() throws Exception {
        TriageDebianRootTest.assumeRoot();
        try (HostRoot root = HostRoot.open(TriageDebianRootTest.DEBIAN)) {
            List<PackageFile> files = new Scan(root, InstantSource.system()).records(new PackageFilesCollector()).records();
            assertTrue(files.size() > 3000, "a minbase root ships thousands of files: " + files.size());
            assertEquals(List.of(), files.stream().filter(f -> f.state() != PackageFile.State.OK).map(PackageFile::path).toList());
            assertTrue(files.stream().anyMatch(f -> f.path().equals("/usr/bin/ls") || f.path().equals("/bin/ls")));
        }
    }

    /** A trojaned ls with its mtime put back, a set-uid bit added to a packaged program, dropped libraries. */
    @Test
    void findsTamperingInACopy() throws Exception {
        TriageDebianRootTest.assumeRoot();
        Path r = copy("-al");
        // As on a host installed two days ago: dpkg dates a package's unpack by its file list's mtime.
        for (String pkg : List.of("coreutils", "findutils", "tar")) {
            Path list = r.resolve("var/lib/dpkg/info/" + pkg + ".list");
            replace(list, new byte[0]);
            Files.setLastModifiedTime(list, FileTime.from(java.time.Instant.now().minus(Duration.ofDays(2))));
        }
        Path ls = r.resolve("usr/bin/ls");
        FileTime mtime = Files.getLastModifiedTime(ls);
        replace(ls, "\0/tmp/.ICE-unix/.x -c /etc/.ssh_config\0".getBytes());
        Files.setLastModifiedTime(ls, mtime);
        // A hard-linked copy moves every ctime to now; the set-uid bit comes later than that.
        Thread.sleep(SLACK.multipliedBy(2).toMillis());
        // find's .deb is in apt's cache, which says how find is shipped; tar's is not, so its times tell.
        for (String program : List.of("find", "tar")) {
            Path p = r.resolve("usr/bin/" + program);
            replace(p, new byte[0]);
            assertEquals(0, new ProcessBuilder("chmod", "4755", p.toString()).start().waitFor());
        }
        try (var debs = Files.list(r.resolve("var/cache/apt/archives"))) {
            for (Path deb : debs.filter(d -> d.getFileName().toString().startsWith("tar_")).toList()) {
                Files.delete(deb);
            }
        }
        Files.delete(r.resolve("usr/bin/who"));
        Files.copy(r.resolve("usr/lib/x86_64-linux-gnu/libz.so.1"), r.resolve("usr/lib/x86_64-linux-gnu/libz.so.9"));
        Files.createDirectories(r.resolve("usr/lib/x86_64-linux-gnu/.cache"));
        Files.copy(r.resolve("usr/bin/bash"), r.resolve("usr/lib/x86_64-linux-gnu/.cache/kworker"));
        Files.copy(r.resolve("usr/bin/dash"), r.resolve("usr/lib/x86_64-linux-gnu/.cache/sshd"));
        List<Finding> found = serious(r, SLACK);
        assertEquals(List.of(
                "high linux.packages.file_changed /usr/bin/ls",
                "high linux.packages.setid_added /usr/bin/find",
                "high linux.packages.setid_added /usr/bin/tar",
                "high linux.packages.unowned_tree /usr/lib/x86_64-linux-gnu/.cache/kworker",
                "medium linux.packages.file_missing /usr/bin/who",
                "medium linux.packages.unowned_file /usr/lib/x86_64-linux-gnu/libz.so.9"), brief(found));
        Finding find = found.stream().filter(f -> f.paths().getFirst().equals("/usr/bin/find")).findFirst().orElseThrow();
        assertEquals("0755", find.evidence().get("shipped_mode"));
        Finding trojan = found.getFirst();
        assertEquals(true, trojan.evidence().get("mtime_put_back"), "ctime after the install, mtime before it");
        assertEquals("apt-get install --reinstall coreutils", trojan.evidence().get("restore"));
    }

    /** An edited conffile: low, apart, with the diff against the copy in the package debootstrap left in apt's cache. */
    @Test
    void conffileChangeComesWithItsDiff() throws Exception {
        TriageDebianRootTest.assumeRoot();
        Path r = copy("-al");
        Path conf = r.resolve("etc/adduser.conf");
        String text = Files.readString(conf);
        Files.delete(conf); // a new inode: the hard-linked original stays as it was
        Files.writeString(conf, text.replace("#DSHELL=/bin/bash\n", "DSHELL=/bin/sh\n"));
        try (HostRoot root = HostRoot.open(r)) {
            List<Finding> found = new Triage(Checks.packages(), InstantSource.system()).run(root, List.of()).findings();
            Finding f = found.stream().filter(x -> x.check().equals("linux.packages.conffile_changed")).findFirst().orElseThrow();
            assertEquals(Severity.LOW, f.severity());
            assertEquals(List.of("/etc/adduser.conf differs from the packaged one (package adduser)",
                    "Against the packaged version (- packaged, + on disk):",
                    "@@ -7,7 +7,7 @@",
                    text.lines().toList().get(6).isEmpty() ? " " : " " + text.lines().toList().get(6)),
                    f.summary().lines().limit(4).toList());
            assertTrue(f.summary().contains("\n-#DSHELL=/bin/bash\n+DSHELL=/bin/sh\n"), f.summary());
        }
    }

    /** A package reinstalled with dpkg after the copy moved every ctime: nothing of medium or above. */
    @Test
    @Tag("root")
    void quietAfterAReinstall() throws Exception {
        TriageDebianRootTest.assumeRoot();
        Path r = copy("-a");
        Path ls = r.resolve("usr/bin/ls");
        Files.write(ls, "trojan".getBytes(), StandardOpenOption.APPEND);
        assertEquals(List.of("high linux.packages.file_changed /usr/bin/ls"), brief(serious(r, PackageTimesDetector.SLACK)));
        String deb = Files.list(r.resolve("var/cache/apt/archives")).map(p -> p.getFileName().toString())
                .filter(n -> n.startsWith("coreutils_")).findFirst().orElseThrow();
        Process p = new ProcessBuilder("chroot", r.toString(), "dpkg", "-i", "/var/cache/apt/archives/" + deb)
                .redirectErrorStream(true).redirectOutput(dir.resolve("dpkg.log").toFile()).start();
        assertEquals(0, p.waitFor(), () -> read(dir.resolve("dpkg.log")));
        assertEquals(List.of(), brief(serious(r, PackageTimesDetector.SLACK)));
    }

    private Path copy(String how) throws Exception {
        Path r = dir.resolve("root");
        assertEquals(0, new ProcessBuilder("cp", how, TriageDebianRootTest.DEBIAN.toString(), r.toString()).inheritIO().start().waitFor());
        return r;
    }

    /** New contents under a new inode, so the hard-linked original is left as it was. */
    private static void replace(Path file, byte[] appended) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        Files.copy(file, tmp, StandardCopyOption.COPY_ATTRIBUTES);
        Files.write(tmp, appended, StandardOpenOption.APPEND);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Finding> serious(Path rootDir, Duration slack) throws Exception {
        try (HostRoot root = HostRoot.open(rootDir)) {
            List<Detector> detectors = List.of(new PackageFilesDetector(), new UnownedDetector(), new PackageTimesDetector(slack));
            Report report = new Triage(detectors, InstantSource.system(), PackagesSummary::of).run(root, List.of());
            assertEquals(List.of(), report.errors());
            return report.findings().stream().filter(f -> f.severity().atLeast(Severity.MEDIUM)).toList();
        }
    }

    private static List<String> brief(List<Finding> findings) {
        return new TreeSet<>(findings.stream().map(f -> f.severity().label() + " " + f.check() + " " + f.paths().getFirst())
                .toList()).stream().toList();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
