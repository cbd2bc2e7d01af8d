package dev.ward.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files in a temporary root: symlinks, odd names, FIFOs. */
class HostRootTest {
    @TempDir
    Path outside;

    Path image;

    @BeforeEach
    void layOut() throws IOException {
        image = Files.createDirectories(outside.resolve("image"));
        Files.createDirectories(image.resolve("etc"));
        Files.writeString(image.resolve("etc/shadow"), "inside\n");
        Files.writeString(outside.resolve("secret"), "outside\n");
    }

    @Test
    void absoluteSymlinksResolveInsideTheImage() throws IOException {
        Files.createSymbolicLink(image.resolve("etc/passwd"), Path.of("/etc/shadow"));
        try (HostRoot root = HostRoot.open(image)) {
            assertEquals("inside\n", root.readText(HostPath.of("/etc/passwd")).orElseThrow());
            assertTrue(root.lstat(HostPath.of("/etc/passwd")).orElseThrow().isSymlink());
            assertTrue(root.stat(HostPath.of("/etc/passwd")).orElseThrow().isRegular());
            assertArrayEquals("/etc/shadow".getBytes(StandardCharsets.UTF_8),
                    root.readlink(HostPath.of("/etc/passwd")).orElseThrow());
        }
    }

    @Test
    void dotDotNeverEscapesTheImage() throws IOException {
        Files.createSymbolicLink(image.resolve("etc/up"), Path.of("../../../../secret"));
        try (HostRoot root = HostRoot.open(image)) {
            assertTrue(root.readText(HostPath.of("/etc/up")).isEmpty(), "must not reach the analyst's file");
            assertTrue(root.readText(HostPath.of("/../secret")).isEmpty());
            assertEquals("inside\n", root.readText(HostPath.of("/../../etc/shadow")).orElseThrow());
        }
    }

    @Test
    void namesThatAreNotUtf8AreListedAndRead() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "printf 'x' > \"$(printf 'a\\377\\nb')\"; printf 'y' > ./-rf")
                .directory(image.resolve("etc").toFile()).start();
        assertEquals(0, p.waitFor());
        try (HostRoot root = HostRoot.open(image)) {
            List<DirEntry> entries = root.list(HostPath.of("/etc"));
            List<String> names = entries.stream().map(DirEntry::name).toList();
            assertEquals(List.of("-rf", "a\\xff\\nb", "shadow"), names);
            DirEntry odd = entries.get(1);
            assertEquals(FileType.REGULAR, odd.type());
            assertEquals("x", new String(root.read(odd.path(), 100), StandardCharsets.US_ASCII));
            assertEquals("x", root.readText(HostPath.parse("/etc/a\\xff\\nb")).orElseThrow());
        }
    }

    @Test
    void fifosAreNeverOpenedForReading() throws Exception {
        assertEquals(0, new ProcessBuilder("mkfifo", image.resolve("etc/pipe").toString()).start().waitFor());
        try (HostRoot root = HostRoot.open(image)) {
            HostException e = assertThrows(HostException.class, () -> root.read(HostPath.of("/etc/pipe"), 10));
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
            assertEquals(FileType.FIFO, root.lstat(HostPath.of("/etc/pipe")).orElseThrow().type());
        }
    }

    @Test
    void readingLeavesTheAccessTimeAlone() throws IOException {
        Path f = image.resolve("etc/shadow");
        Instant old = Instant.parse("2020-01-02T03:04:05Z");
        Files.setAttribute(f, "lastAccessTime", FileTime.from(old));
        try (HostRoot root = HostRoot.open(image)) {
            root.read(HostPath.of("/etc/shadow"), 1 << 20);
            assertEquals(old, root.lstat(HostPath.of("/etc/shadow")).orElseThrow().atime());
        }
    }

    @Test
    void listingADirectoryLeavesItsAccessTimeAlone() throws IOException {
        Path etc = image.resolve("etc");
        Instant old = Instant.parse("2020-01-02T03:04:05Z");
        Files.setAttribute(etc, "lastAccessTime", FileTime.from(old));
        try (HostRoot root = HostRoot.open(image)) {
            assertFalse(root.list(HostPath.of("/etc")).isEmpty());
            assertEquals(old, root.lstat(HostPath.of("/etc")).orElseThrow().atime());
        }
    }

    @Test
    void missingFilesAreEmptyNotErrors() throws IOException {
        try (HostRoot root = HostRoot.open(image)) {
            assertTrue(root.lstat(HostPath.of("/nope/nothing")).isEmpty());
            assertTrue(root.list(HostPath.of("/nope")).isEmpty());
            assertTrue(root.readText(HostPath.of("/etc/nothing")).isEmpty());
            assertFalse(root.exists(HostPath.of("/etc/nothing")));
            HostException e = assertThrows(HostException.class, () -> root.read(HostPath.of("/etc/nothing"), 1));
            assertTrue(e.isMissing());
        }
    }

    @Test
    void statReportsSetuidBitsAndOwner() throws Exception {
        Path f = image.resolve("etc/sh");
        Files.writeString(f, "#!");
        assertEquals(0, new ProcessBuilder("chmod", "4755", f.toString()).start().waitFor());
        try (HostRoot root = HostRoot.open(image)) {
            FileStat st = root.lstat(HostPath.of("/etc/sh")).orElseThrow();
            assertTrue(st.isSetuid());
            assertEquals(04755, st.permissions());
            assertEquals(2, st.size());
            assertEquals(Files.getAttribute(f, "unix:uid"), (int) st.uid());
        }
    }
}
