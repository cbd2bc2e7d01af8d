package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A small host root in a test directory with a fake dpkg database: paths are written absolute ("/etc/x"). */
final class PackagedRoot {
    static final Instant MTIME = Instant.parse("2026-01-02T03:04:05Z");

    private final Path dir;
    private final List<String> packaged = new ArrayList<>();

    PackagedRoot(Path dir) throws IOException {
        this.dir = dir;
        // A dpkg database must exist for "owned by no package" to mean anything.
        write("/var/lib/dpkg/info/base-files.list", "/.\n/etc\n");
    }

    Path dir() {
        return dir;
    }

    /** Writes a file with a fixed mtime, creating parents. */
    PackagedRoot write(String path, String text) throws IOException {
        return write(path, text.getBytes(StandardCharsets.UTF_8));
    }

    PackagedRoot write(String path, byte[] bytes) throws IOException {
        Path p = dir.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        Files.setLastModifiedTime(p, FileTime.from(MTIME));
        return this;
    }

    /** Writes a file and lists it as installed by {@code pkg}. */
    PackagedRoot packaged(String pkg, String path, String text) throws IOException {
        write(path, text);
        packaged.add(pkg + "\t" + path);
        return writeLists();
    }

    /** Lists a path (a directory, say) as installed by {@code pkg}, writing nothing else. */
    PackagedRoot listed(String pkg, String path) throws IOException {
        packaged.add(pkg + "\t" + path);
        return writeLists();
    }

    private PackagedRoot writeLists() throws IOException {
        java.util.Map<String, StringBuilder> lists = new java.util.TreeMap<>();
        for (String e : packaged) {
            String[] f = e.split("\t");
            lists.computeIfAbsent(f[0], k -> new StringBuilder("/.\n")).append(f[1]).append('\n');
        }
        for (var e : lists.entrySet()) {
            Path p = dir.resolve("var/lib/dpkg/info/" + e.getKey() + ".list");
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue());
        }
        return this;
    }

    PackagedRoot symlink(String path, String target) throws IOException {
        Path p = dir.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
        return this;
    }

    PackagedRoot mkdir(String path) throws IOException {
        Files.createDirectories(dir.resolve(path.substring(1)));
        return this;
    }

    PackagedRoot chmod(String path, String mode) throws IOException, InterruptedException {
        Path p = dir.resolve(path.substring(1));
        if (mode.length() == 4) {
            int rc = new ProcessBuilder("chmod", mode, p.toString()).inheritIO().start().waitFor();
            if (rc != 0) {
                throw new IOException("chmod " + mode + " failed");
            }
        } else {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
        }
        Files.setLastModifiedTime(p, FileTime.from(MTIME));
        return this;
    }

    /** Runs one detector on this root; fails the test on collection errors unless allowed. */
    List<Finding> run(Detector detector) throws IOException {
        return results(detector).findings();
    }

    Results results(Detector detector) throws IOException {
        try (HostRoot root = HostRoot.open(dir)) {
            Results out = new Results();
            detector.detect(new Scan(root, InstantSource.system()), out);
            return out;
        }
    }

    /** "severity check path" for each finding: what most assertions compare. */
    static List<String> brief(List<Finding> findings) {
        return findings.stream().map(f -> f.severity().label() + " " + f.check() + " " + String.join(",", f.paths()))
                .toList();
    }
}
