package dev.ward.baseline;

import static dev.ward.baseline.BaselineFixtures.INFO;
import static dev.ward.baseline.BaselineFixtures.file;
import static dev.ward.baseline.BaselineFixtures.symlink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Ward;
import dev.ward.host.HostPath;
import dev.ward.model.FileEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
    @TempDir
    Path dir;

    static void write(Path target, List<FileEntry> entries) throws IOException {
        try (BaselineWriter w = BaselineWriter.create(target, INFO, null)) {
            for (FileEntry e : entries) {
                w.add(e);
            }
            w.commit();
        }
    }

    static List<FileEntry> readAll(Path file) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        try (BaselineReader r = BaselineReader.open(file)) {
            r.forEach(out::add);
        }
        return out;
    }

    @Test
    void entriesComeBackExactlyIncludingBytesThatAreNotUtf8() throws IOException {
        HostPath odd = HostPath.ofBytes(new byte[] {'/', 't', 'm', 'p', '/', (byte) 0xff, '\n', 'x'});
        List<FileEntry> entries = List.of(file("/etc/passwd", 1), symlink("/bin", "usr/bin"), file(odd, 2));
        Path db = dir.resolve("base.db");
        write(db, entries);

        List<FileEntry> back = readAll(db);
        assertEquals(entries.stream().sorted(Comparator.comparing(FileEntry::path)).toList(), back);
        assertEquals("usr/bin", back.get(0).linkTarget());
        try (BaselineReader r = BaselineReader.open(db)) {
            assertEquals(Optional.of(entries.get(2)), r.lookup(odd));
            assertEquals(Optional.empty(), r.lookup(HostPath.of("/nope")));
        }
    }

    /** A baseline kept elsewhere (other media) behind a link: the file there is replaced, the link kept. */
    @Test
    void aLinkToTheBaselineIsWrittenThrough() throws IOException {
        Path kept = Files.createDirectory(dir.resolve("media")).resolve("base.db");
        write(kept, List.of(file("/a", 1)));
        Path link = Files.createSymbolicLink(dir.resolve("base.db"), kept);
        write(link, List.of(file("/a", 1), file("/b", 2)));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(2, readAll(kept).size());
        try (var names = Files.list(kept.getParent())) {
            assertEquals(List.of("base.db"), names.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void headerDescribesTheBaseline() throws IOException {
        Path db = dir.resolve("base.db");
        write(db, List.of(file("/a", 1), file("/b", 2)));
        try (BaselineReader r = BaselineReader.open(db)) {
            BaselineHeader h = r.header();
            assertEquals(BaselineHeader.FORMAT_VERSION, h.formatVersion());
            assertEquals(Ward.version(), h.wardVersion());
            assertEquals(INFO, h.info());
            assertEquals(2, h.entryCount());
            assertFalse(h.signed());
            assertNull(h.signer());
        }
    }

    @Test
    void entriesStreamInPathByteOrder() throws IOException {
        // unsigned order: '-' (0x2d) < '/' (0x2f) < 'b' < 0xff, and a prefix comes first
        List<HostPath> paths = List.of(HostPath.ofBytes(new byte[] {'/', 'a', (byte) 0xff}), HostPath.of("/a/b"),
                HostPath.of("/a-b"), HostPath.of("/a"), HostPath.of("/ab"));
        List<FileEntry> entries = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            entries.add(file(paths.get(i), i));
        }
        Path db = dir.resolve("base.db");
        write(db, entries);
        List<String> order = readAll(db).stream().map(e -> e.path().display()).toList();
        assertEquals(List.of("/a", "/a-b", "/a/b", "/ab", "/a\\xff"), order);
    }

    @Test
    void writesAHundredThousandEntriesStreaming() throws IOException {
        Path db = dir.resolve("big.db");
        long start = System.nanoTime();
        try (BaselineWriter w = BaselineWriter.create(db, INFO, null)) {
            for (long i = 0; i < 100_000; i++) {
                w.add(file(BaselineFixtures.numbered(i), i));
            }
            assertEquals(100_000, w.commit().entryCount());
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("100k entries written in %d ms%n", ms);
        long[] seen = {0};
        HostPath[] last = {null};
        try (BaselineReader r = BaselineReader.open(db)) {
            r.forEach(e -> {
                assertTrue(last[0] == null || last[0].compareTo(e.path()) < 0);
                last[0] = e.path();
                seen[0]++;
            });
        }
        assertEquals(100_000, seen[0]);
    }

    @Test
    void closingWithoutCommitKeepsThePreviousBaselineAndLeavesNoTemporaryFile() throws IOException {
        Path db = dir.resolve("base.db");
        write(db, List.of(file("/old", 1)));
        try (BaselineWriter w = BaselineWriter.create(db, INFO, null)) {
            w.add(file("/new", 2));
        }
        assertEquals(List.of(file("/old", 1)), readAll(db));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(db), files.toList());
        }
    }

    @Test
    void aDuplicatePathFailsNamingTheFileAndCleansUp() throws IOException {
        Path db = dir.resolve("base.db");
        BaselineException e = assertThrows(BaselineException.class, () -> write(db, List.of(file("/a", 1), file("/a", 2))));
        assertTrue(e.getMessage().startsWith(db + ": "), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}
