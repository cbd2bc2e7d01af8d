package dev.ward.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.FileEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scanner on real trees in a temporary root: order, odd names, FIFOs, loops, hashes. */
class ScannerTest {
    static final Set<Attribute> ALL = EnumSet.of(Attribute.PERM, Attribute.INODE, Attribute.SIZE,
            Attribute.MTIME, Attribute.LINK, Attribute.SHA256);

    @TempDir
    Path dir;

    static String sh(Path cwd, String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", script).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    ScanResult scan(Selection selection) throws IOException {
        try (HostRoot root = HostRoot.open(dir)) {
            return new TreeScanner(root, selection, 2, ProgressListener.NONE).scan();
        }
    }

    static FileEntry entry(ScanResult r, String path) {
        return r.entries().stream().filter(e -> e.path().equals(HostPath.parse(path))).findFirst().orElseThrow(
                () -> new AssertionError(path + " not in " + r.entries()));
    }

    @Test
    void entriesComeInPathByteOrderNotWalkOrder() throws Exception {
        Files.createDirectories(dir.resolve("a/z"));
        Files.writeString(dir.resolve("a-b"), "x");
        Files.writeString(dir.resolve("a/z/f"), "y");
        Files.writeString(dir.resolve("a0"), "z");
        ScanResult r = scan(FixedSelection.of(ALL, "/", "/a/z"));
        List<String> paths = r.entries().stream().map(e -> e.path().display()).toList();
        assertEquals(List.of("/a", "/a-b", "/a/z", "/a/z/f", "/a0"), paths);
        assertEquals(5, r.summary().files());
    }

    @Test
    void hashesMatchSha256sumAndOnlyAskedAttributesAreFilled() throws Exception {
        Files.write(dir.resolve("big"), new byte[3 * 256 * 1024 + 17]);
        Files.writeString(dir.resolve("small"), "hello\n");
        ScanResult r = scan(FixedSelection.of(ALL, "/"));
        for (String name : List.of("big", "small")) {
            String expected = sh(dir, "sha256sum " + name).split(" ")[0];
            assertEquals(expected, entry(r, "/" + name).hashes().get("sha256"), name);
        }
        assertEquals(3 * 256 * 1024 + 17 + 6, r.summary().bytesHashed());
        FileEntry bare = scan(FixedSelection.of(EnumSet.of(Attribute.PERM), "/")).entries().getFirst();
        assertTrue(bare.hashes().isEmpty());
        assertEquals(0, bare.inode());
        assertNull(bare.mtime());
    }

    @Test
    void fifoIsRecordedButNeverOpened() throws Exception {
        sh(dir, "mkfifo pipe");
        ScanResult r = scan(FixedSelection.of(ALL, "/"));
        FileEntry pipe = entry(r, "/pipe");
        assertEquals(FileType.FIFO, pipe.type());
        assertTrue(pipe.hashes().isEmpty());
        assertTrue(r.summary().errors().isEmpty(), r.summary().errors().toString());
    }

    @Test
    void nameThatIsNotUtf8IsScannedAndHashed() throws Exception {
        sh(dir, "printf 'x' > \"$(printf 'a\\377\\nb')\"");
        ScanResult r = scan(FixedSelection.of(ALL, "/"));
        FileEntry odd = entry(r, "/a\\xff\\nb");
        assertEquals("2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881", odd.hashes().get("sha256"));
    }

    @Test
    void symlinkLoopsAreRecordedNotFollowed() throws Exception {
        Files.createDirectories(dir.resolve("d"));
        Files.createSymbolicLink(dir.resolve("d/up"), Path.of(".."));
        Files.createSymbolicLink(dir.resolve("l1"), Path.of("l2"));
        Files.createSymbolicLink(dir.resolve("l2"), Path.of("l1"));
        ScanResult r = scan(FixedSelection.of(ALL, "/"));
        assertEquals(List.of("/d", "/d/up", "/l1", "/l2"), r.entries().stream().map(e -> e.path().display()).toList());
        assertEquals("..", entry(r, "/d/up").linkTarget());
        assertEquals("l2", entry(r, "/l1").linkTarget());
        assertTrue(entry(r, "/l1").hashes().isEmpty());
    }

    @Test
    void fileThatVanishesIsSkippedWithAnError() throws Exception {
        Files.writeString(dir.resolve("gone"), "x");
        Files.writeString(dir.resolve("kept"), "y");
        Selection deleting = FixedSelection.of(ALL, "/").withHook(p -> {
            if (p.display().equals("/gone")) {
                dir.resolve("gone").toFile().delete();
            }
            return true;
        });
        ScanResult r = scan(deleting);
        assertEquals(List.of("/kept"), r.entries().stream().map(e -> e.path().display()).toList());
        assertEquals(1, r.summary().errors().size());
        assertEquals("/gone", r.summary().errors().getFirst().path());
    }

    @Test
    void fileThatAppearsIsSeenOnlyWhereTheWalkHasNotBeen() throws Exception {
        Files.createDirectories(dir.resolve("later"));
        Files.writeString(dir.resolve("early"), "x");
        Selection creating = FixedSelection.of(ALL, "/").withHook(p -> {
            if (p.display().equals("/early")) {
                try {
                    Files.writeString(dir.resolve("0-too-late"), "listed already");
                    Files.writeString(dir.resolve("later/new"), "not listed yet");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        });
        ScanResult r = scan(creating);
        assertEquals(List.of("/early", "/later", "/later/new"), r.entries().stream().map(e -> e.path().display()).toList());
        assertTrue(r.summary().errors().isEmpty(), r.summary().errors().toString());
    }

    @Test
    void unreadableFileIsRecordedWithoutHashesAndAnError() throws Exception {
        // Write-only even for root: the kernel's sysctl permission check has no override.
        try (HostRoot vm = HostRoot.open(Path.of("/proc/sys/vm"))) {
            Selection one = FixedSelection.of(ALL, "/").withHook(p -> p.display().equals("/drop_caches"));
            ScanResult r = new TreeScanner(vm, one, 2, ProgressListener.NONE).scan();
            FileEntry entry = entry(r, "/drop_caches");
            assertEquals(0200, entry.perm());
            assertTrue(entry.hashes().isEmpty());
            assertEquals(1, r.summary().errors().size(), r.summary().errors().toString());
            assertEquals("/drop_caches", r.summary().errors().getFirst().path());
            assertTrue(r.summary().errors().getFirst().message().contains("ermission denied"),
                    r.summary().errors().getFirst().message());
        }
    }
}
