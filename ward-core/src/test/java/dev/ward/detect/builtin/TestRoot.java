package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.HostException;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** A small host tree in a temporary directory, real files with chosen modes and times. */
final class TestRoot {
    static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
    static final Instant OLD = Instant.parse("2024-01-01T00:00:00Z");
    static final String PASSWD = """
            root:x:0:0:root:/root:/bin/bash
            www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
            alice:x:1000:1000::/home/alice:/bin/bash
            bob:x:1001:1001::/home/bob:/bin/bash
            """;

    private final Path dir;

    TestRoot(Path dir) {
        this.dir = dir;
        write("etc/passwd", PASSWD, "rw-r--r--", OLD);
    }

    TestRoot write(String path, String text, String perms, Instant mtime) {
        try {
            Path p = dir.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
            Files.setLastModifiedTime(p, FileTime.from(mtime));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestRoot write(String path, String text) {
        return write(path, text, "rw-------", OLD);
    }

    TestRoot chmod(String path, String perms) {
        try {
            Files.setPosixFilePermissions(dir.resolve(path), PosixFilePermissions.fromString(perms));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TestRoot symlink(String path, String target) {
        try {
            Files.createDirectories(dir.resolve(path).getParent());
            Files.createSymbolicLink(dir.resolve(path), Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Results run(Detector detector) {
        return run(dir, detector);
    }

    static Results run(Path dir, Detector detector) {
        try (HostRoot root = HostRoot.open(dir)) {
            Results out = new Results();
            detector.detect(new Scan(root, InstantSource.fixed(NOW)), out);
            return out;
        } catch (HostException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "check severity path" per finding, in order: what the tests compare. */
    static List<String> brief(Results r) {
        return r.findings().stream()
                .map(f -> f.check() + " " + f.severity().label() + " " + String.join(",", f.paths())).toList();
    }

    static Finding only(Results r, String check) {
        List<Finding> f = r.findings().stream().filter(x -> x.check().equals(check)).toList();
        if (f.size() != 1) {
            throw new AssertionError("expected one " + check + ", got " + brief(r));
        }
        return f.get(0);
    }
}
