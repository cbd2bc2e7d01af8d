package dev.ward.baseline;

import static dev.ward.baseline.ScannerTest.entry;
import static dev.ward.baseline.ScannerTest.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.FileEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --trust-ctime}: a file whose size, mtime, ctime and inode are as recorded keeps its recorded
 * hashes without being read; any other file is read. The recorded hashes here are forged, so a kept
 * one shows the file was not read, and a real one shows it was.
 */
class TrustCtimeTest {
    static final Set<Attribute> NORMAL = EnumSet.of(Attribute.PERM, Attribute.INODE, Attribute.SIZE,
            Attribute.MTIME, Attribute.CTIME, Attribute.SHA256);
    static final String FORGED = "0".repeat(64);

    @TempDir
    Path dir;

    ScanResult scan(Set<Attribute> attributes, TreeScanner.Previous previous) throws Exception {
        try (HostRoot root = HostRoot.open(dir)) {
            return new TreeScanner(root, FixedSelection.of(attributes, "/"), 2, ProgressListener.NONE)
                    .trustingCtime(previous).scan();
        }
    }

    /** The entries with every hash replaced by a forged one. */
    static List<FileEntry> forged(List<FileEntry> entries) {
        return entries.stream().map(e -> e.hashes().isEmpty() ? e : new FileEntry(e.path(), e.type(), e.perm(),
                e.uid(), e.gid(), e.size(), e.blocks(), e.nlink(), e.inode(), e.atime(), e.mtime(), e.ctime(),
                e.linkTarget(), Map.of("sha256", FORGED), e.xattrs())).toList();
    }

    @Test
    void onlyFilesWhoseCtimeOrInodeMovedAreReadAgain() throws Exception {
        Files.writeString(dir.resolve("same"), "untouched");
        Files.writeString(dir.resolve("edited"), "original");
        Files.writeString(dir.resolve("replaced"), "same bytes");
        List<FileEntry> before = forged(scan(NORMAL, TreeScanner.Previous.NONE).entries());
        Thread.sleep(20); // so the edit's ctime differs at the filesystem's granularity
        sh(dir, "cp -p edited orig && printf 'changed!' > edited && touch -r orig edited && rm orig"
                + " && cp -p replaced r.new && mv r.new replaced");

        ScanResult after = scan(NORMAL, new Lookahead(before.iterator()));
        assertEquals(FORGED, entry(after, "/same").hashes().get("sha256"));
        assertEquals(sh(dir, "sha256sum edited").split(" ")[0], entry(after, "/edited").hashes().get("sha256"));
        assertEquals(sh(dir, "sha256sum replaced").split(" ")[0], entry(after, "/replaced").hashes().get("sha256"));
        assertEquals("changed!".length() + "same bytes".length(), after.summary().bytesHashed());
    }

    @Test
    void withoutRecordedCtimeEveryFileIsRead() throws Exception {
        Files.writeString(dir.resolve("f"), "content");
        Set<Attribute> noCtime = EnumSet.copyOf(NORMAL);
        noCtime.remove(Attribute.CTIME);
        List<FileEntry> before = forged(scan(noCtime, TreeScanner.Previous.NONE).entries());
        ScanResult after = scan(NORMAL, new Lookahead(before.iterator()));
        assertNotEquals(FORGED, entry(after, "/f").hashes().get("sha256"));
    }

    @Test
    void lookaheadGivesTheMergeEveryEntryOnceInOrder() throws Exception {
        List<FileEntry> recorded = new ArrayList<>();
        for (String p : List.of("/a", "/b", "/c", "/d", "/e")) {
            recorded.add(new FileEntry(HostPath.of(p), dev.ward.host.FileType.REGULAR, 0, 0, 0, 0, 0, 0, 0,
                    null, null, null, null, Map.of(), Map.of()));
        }
        Lookahead l = new Lookahead(recorded.iterator());
        assertEquals(HostPath.of("/b"), l.at(HostPath.of("/b")).path());
        assertEquals(null, l.at(HostPath.of("/bb")));
        assertEquals(HostPath.of("/a"), l.next().path());
        assertEquals(HostPath.of("/d"), l.at(HostPath.of("/d")).path());
        List<String> rest = new ArrayList<>();
        l.forEachRemaining(e -> rest.add(e.path().display()));
        assertEquals(List.of("/b", "/c", "/d", "/e"), rest);
    }
}
