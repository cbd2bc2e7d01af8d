package dev.ward.diff;

import static dev.ward.baseline.Attribute.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.baseline.Attribute;
import dev.ward.baseline.FixedSelection;
import dev.ward.baseline.ProgressListener;
import dev.ward.baseline.TreeScanner;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.FileEntry;
import dev.ward.report.Change;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One row per kind of change, on real files: lay out, scan, change, scan again, compare. Each row
 * names the path it looks at and what the report must say of it: the kind of change and the
 * attribute keywords, or nothing.
 */
class DifferTest {
    interface Step {
        void run(Path dir) throws Exception;
    }

    record Row(String name, Set<Attribute> attributes, Step before, Step change, String path, String kind,
               List<String> keywords) {
        @Override
        public String toString() {
            return name;
        }
    }

    @TempDir
    Path dir;

    static Step file(String content) {
        return d -> Files.writeString(d.resolve("f"), content);
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("changed byte, mtime put back", EnumSet.of(SIZE, MTIME, SHA256), file("hello"), d -> {
                    FileTime m = Files.getLastModifiedTime(d.resolve("f"));
                    Files.writeString(d.resolve("f"), "jello");
                    Files.setLastModifiedTime(d.resolve("f"), m);
                }, "/f", "modified", List.of("sha256")),
                new Row("same content, new inode", EnumSet.of(INODE, SIZE, SHA256), file("same"), d -> {
                    Files.writeString(d.resolve("g"), "same");
                    Files.move(d.resolve("g"), d.resolve("f"), StandardCopyOption.REPLACE_EXISTING);
                }, "/f", "modified", List.of("inode")),
                new Row("permission", EnumSet.of(PERM, SHA256), file("x"),
                        d -> run(d, "chmod", "4750", "f"),
                        "/f", "modified", List.of("perm")),
                new Row("owner", EnumSet.of(UID, GID, PERM), file("x"), DifferTest::chown,
                        "/f", "modified", List.of("uid", "gid")),
                new Row("hard link count", EnumSet.of(NLINK, SHA256), file("x"),
                        d -> Files.createLink(d.resolve("f2"), d.resolve("f")), "/f", "modified", List.of("lnkcount")),
                new Row("symlink target", EnumSet.of(LINK, PERM), d -> Files.createSymbolicLink(d.resolve("f"), Path.of("a")),
                        d -> {
                            Files.delete(d.resolve("f"));
                            Files.createSymbolicLink(d.resolve("f"), Path.of("b"));
                        }, "/f", "modified", List.of("lname")),
                new Row("file to symlink", EnumSet.of(UID, LINK), file("x"), d -> {
                    Files.delete(d.resolve("f"));
                    Files.createSymbolicLink(d.resolve("f"), Path.of("x"));
                }, "/f", "modified", List.of("ftype", "lname")),
                new Row("growing log under S", EnumSet.of(GROWING, SHA256, PERM), file("line 1\n"),
                        d -> Files.writeString(d.resolve("f"), "line 2\n", StandardOpenOption.APPEND), "/f", "none", List.of()),
                new Row("shrinking log under S", EnumSet.of(GROWING, SHA256), file("line 1\nline 2\n"),
                        d -> Files.writeString(d.resolve("f"), "line 3\n"), "/f", "modified", List.of("size", "sha256")),
                new Row("size that grew without S", EnumSet.of(SIZE, SHA256), file("a"),
                        d -> Files.writeString(d.resolve("f"), "b", StandardOpenOption.APPEND), "/f", "modified",
                        List.of("size", "sha256")),
                new Row("added", EnumSet.of(SHA256), file("x"), d -> Files.writeString(d.resolve("new"), "n"),
                        "/new", "added", List.of()),
                new Row("removed", EnumSet.of(SHA256), file("x"), d -> Files.delete(d.resolve("f")),
                        "/f", "removed", List.of()));
    }

    static void chown(Path dir) throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "chown needs root");
        run(dir, "chown", "1234:1234", "f");
    }

    static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        assertEquals(0, p.waitFor(), String.join(" ", command));
    }

    List<FileEntry> scan(Set<Attribute> attributes) throws Exception {
        try (HostRoot root = HostRoot.open(dir)) {
            return new TreeScanner(root, FixedSelection.of(attributes, "/"), 2, ProgressListener.NONE).scan().entries();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachKindOfChange(Row row) throws Exception {
        row.before().run(dir);
        List<FileEntry> old = scan(row.attributes());
        row.change().run(dir);
        List<FileEntry> now = scan(row.attributes());
        List<Difference> found = new Differ(p -> row.attributes()).diff(old, now);
        Optional<Difference> at = found.stream().filter(d -> d.path().equals(HostPath.of(row.path()))).findFirst();
        if (row.kind().equals("none")) {
            assertTrue(at.isEmpty(), () -> "expected no change, got " + at.get());
            return;
        }
        Difference d = at.orElseThrow(() -> new AssertionError("no change at " + row.path() + ": " + found));
        String kind = switch (d) {
            case Difference.Added a -> "added";
            case Difference.Removed r -> "removed";
            case Difference.Modified m -> "modified";
        };
        assertEquals(row.kind(), kind);
        Change change = ChangeMapping.change(d);
        assertEquals(row.path(), change.path());
        assertEquals(row.keywords(), change.attributes());
    }
}
