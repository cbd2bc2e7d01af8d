package dev.ward.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What hashing does to the files it reads: nothing to their atime, nothing to the page cache when
 * they were not cached; a file growing meanwhile is noted.
 */
class ScannerReadTest {
    @TempDir
    Path dir;

    ScanResult scan(ProgressListener progress) throws IOException {
        try (HostRoot root = HostRoot.open(dir)) {
            return new TreeScanner(root, FixedSelection.of(ScannerTest.ALL, "/"), 2, progress).scan();
        }
    }

    @Test
    void hashingLeavesAtimeAlone() throws Exception {
        Path f = Files.writeString(dir.resolve("f"), "content\n");
        // An atime older than the mtime: relatime would update it on any ordinary read.
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.getFileAttributeView(f, BasicFileAttributeView.class).setTimes(null, old, null);
        ScanResult r = scan(ProgressListener.NONE);
        assertEquals(1, r.entries().size());
        assertEquals(old, Files.getAttribute(f, "lastAccessTime"));
    }

    @Test
    void progressCountsFilesAndBytes() throws Exception {
        Files.write(dir.resolve("a"), new byte[1000]);
        Files.write(dir.resolve("b"), new byte[24]);
        AtomicLong files = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        scan((n, b) -> {
            files.set(n);
            bytes.set(b);
        });
        assertEquals(2, files.get());
        assertEquals(1024, bytes.get());
    }

    @Test
    void fileGrowingWhileHashedIsNoted() throws Exception {
        Path log = Files.write(dir.resolve("log"), new byte[64 * 1024 * 1024]);
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong appended = new AtomicLong();
        Thread writer = Thread.ofPlatform().start(() -> {
            try (FileChannel ch = FileChannel.open(log, StandardOpenOption.APPEND)) {
                while (!done.get()) {
                    ch.write(ByteBuffer.wrap(new byte[512]));
                    appended.incrementAndGet();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        while (appended.get() == 0) {
            Thread.onSpinWait();
        }
        ScanResult r;
        try {
            r = scan(ProgressListener.NONE);
        } finally {
            done.set(true);
            writer.join();
        }
        assertEquals(1, r.entries().size(), "still recorded");
        assertTrue(r.summary().errors().stream().map(CollectionError::message)
                .anyMatch(m -> m.startsWith("changed while read")), r.summary().errors().toString());
    }

    /** Bytes of {@code file} in the page cache, as util-linux's fincore counts them. */
    static long cached(Path file) throws Exception {
        return Long.parseLong(ScannerTest.sh(file.getParent(),
                "fincore --bytes --noheadings --output RES " + file.getFileName()).trim());
    }

    @Test
    void uncachedFileIsHashedWithoutFillingThePageCache() throws Exception {
        Path f = dir.resolve("cold");
        ScannerTest.sh(dir, "head -c 8388608 /dev/urandom > cold && sync cold && dd if=cold iflag=nocache count=0 status=none");
        assumeTrue(cached(f) == 0, "this filesystem keeps files in memory (tmpfs?): nothing to show");
        ScanResult r = scan(ProgressListener.NONE);
        assertEquals(0, cached(f), "read with O_DIRECT, around the cache");
        String expected = ScannerTest.sh(dir, "sha256sum cold").split(" ")[0];
        assertEquals(expected, ScannerTest.entry(r, "/cold").hashes().get("sha256"));
        assertTrue(cached(f) > 0, "sha256sum's read did fill it: the measure works");
        assertEquals(expected, ScannerTest.entry(scan(ProgressListener.NONE), "/cold").hashes().get("sha256"), "cached");
    }
}
