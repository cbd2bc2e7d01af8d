package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What another user on the host can plant where ward writes: a link at a report's or baseline's
 * name, a link on the way to it, a FIFO, a directory they can rename things in. Root's part is
 * played by the test (run as root), the intruder's by uid 65534 (nobody), given the links by lchown.
 */
@Tag("root")
class PlantedOutputTest {
    private static final int NOBODY = 65534;

    @TempDir
    Path dir;

    /** A directory anyone may write, sticky as /tmp is. */
    private Path shared() throws Exception {
        Path shared = Files.createDirectory(dir.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        chmod("1777", shared);
        return shared;
    }

    private static Path ownedByNobody(Path p) throws Exception {
        Files.setAttribute(p, "unix:uid", NOBODY, LinkOption.NOFOLLOW_LINKS);
        return p;
    }

    private static void chmod(String mode, Path p) throws Exception {
        assertEquals(0, new ProcessBuilder("chmod", mode, p.toString()).start().waitFor());
    }

    private MainTest.Run logsTo(Path output) {
        return ward("logs", "--root", dir.toString(), "--format", "json", "-o", output.toString(), "-q");
    }

    private static void assertRefused(MainTest.Run r, String why) {
        assertEquals(73, r.status(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ward: ") && r.err().contains(why), r.err());
    }

    @Test
    void aLinkAnotherUserPlantedIsRefused() throws Exception {
        Path victim = Files.writeString(dir.resolve("shadow"), "root:secret");
        Path link = ownedByNobody(Files.createSymbolicLink(shared().resolve("rep.txt"), victim));
        assertRefused(logsTo(link), "is a symlink owned by uid 65534");
        assertEquals("root:secret", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aLinkInADirectoryOthersCanWriteIsRefusedEvenIfItIsRoots() throws Exception {
        Path open = Files.createDirectory(dir.resolve("open"));
        chmod("0777", open); // not sticky: anyone could have replaced a link of root's with their own
        Path victim = Files.writeString(dir.resolve("shadow"), "root:secret");
        Path link = Files.createSymbolicLink(open.resolve("rep.txt"), victim);
        assertRefused(logsTo(link), "is a symlink in a directory other users can write");
        assertEquals("root:secret", Files.readString(victim));
    }

    @Test
    void theUsersOwnLinkInAStickyDirectoryIsWrittenThrough() throws Exception {
        Path file = Files.writeString(dir.resolve("old.json"), "old");
        Path link = Files.createSymbolicLink(shared().resolve("rep.json"), file);
        MainTest.Run r = logsTo(link);
        assertTrue(r.status() < 64, r.err());
        assertEquals("ward", new ObjectMapper().readTree(file.toFile()).get("tool").asText());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aPlantedLinkOnTheWayIsRefused() throws Exception {
        Path etc = Files.createDirectory(dir.resolve("etc"));
        Path evil = ownedByNobody(Files.createSymbolicLink(shared().resolve("evil"), etc));
        assertRefused(logsTo(evil.resolve("cron.daily")), "is a symlink owned by uid 65534");
        try (var files = Files.list(etc)) {
            assertEquals(0, files.count(), "nothing written where the link led");
        }
    }

    @Test
    void aBaselineThroughAPlantedLinkIsRefused() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.conf"), "N = p+sha256\n/etc N\n");
        Files.createDirectories(dir.resolve("root/etc"));
        Path victim = Files.writeString(dir.resolve("shadow"), "root:secret");
        Path link = ownedByNobody(Files.createSymbolicLink(shared().resolve("base.db"), victim));
        MainTest.Run r = ward("baseline", "init", "--config", rules.toString(), "--db", link.toString(),
                "--root", dir.resolve("root").toString());
        assertRefused(r, "is a symlink owned by uid 65534");
        assertEquals("root:secret", Files.readString(victim));
    }

    @Test
    void aBaselineWhereAnotherUserCanRenameItsDirectoryIsRefused() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.conf"), "N = p+sha256\n/etc N\n");
        Files.createDirectories(dir.resolve("root/etc"));
        Path home = ownedByNobody(Files.createDirectory(dir.resolve("home")));
        MainTest.Run r = ward("baseline", "init", "--config", rules.toString(), "--db", home.resolve("base.db").toString(),
                "--root", dir.resolve("root").toString());
        assertRefused(r, "lets other users rename what ward writes in " + home);
        try (var files = Files.list(home)) {
            assertEquals(0, files.count());
        }
    }

    /** A report may be written into /dev/null; a baseline, renamed over its target, may not replace it. */
    @Test
    void aBaselineIsNeverPutInPlaceOfADevice() throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.conf"), "N = p+sha256\n/etc N\n");
        Files.createDirectories(dir.resolve("root/etc"));
        MainTest.Run r = ward("baseline", "init", "--config", rules.toString(), "--db", "/dev/null",
                "--root", dir.resolve("root").toString());
        assertRefused(r, "/dev/null: not a regular file (a character device)");
        assertTrue(Files.readAttributes(Path.of("/dev/null"), java.nio.file.attribute.BasicFileAttributes.class).isOther());
    }

    @Test
    void aFifoAnotherUserOwnsIsRefusedWithoutWaiting() throws Exception {
        Path fifo = shared().resolve("rep.txt");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        ownedByNobody(fifo);
        MainTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> logsTo(fifo));
        assertRefused(r, "a FIFO owned by uid 65534");
    }

    @Test
    void aFailedWriteToStandardOutputIsAnIoError() throws Exception {
        PrintStream out = System.out;
        try (PrintStream full = new PrintStream(new FileOutputStream("/dev/full"), true)) {
            System.setOut(full);
            var cl = WardCommand.commandLine();
            java.io.StringWriter err = new java.io.StringWriter();
            cl.setErr(new java.io.PrintWriter(err, true));
            int status = cl.execute("logs", "--root", dir.toString(), "--format", "json");
            assertEquals(74, status, err.toString());
            assertTrue(err.toString().startsWith("ward: standard output: "), err.toString());
        } finally {
            System.setOut(out);
        }
    }

    @Test
    void aFileNameCannotSendEscapesToTheTerminal() {
        MainTest.Run r = ward("traffic", dir.resolve("\u001b[2J\u001b]0;owned\u0007.pcap").toString());
        assertTrue(r.status() >= 64, r.err());
        assertFalse(r.err().contains("\u001b") || r.err().contains("\u0007"), r.err());
        assertTrue(r.err().contains("\\x1b[2J\\x1b]0;owned\\x07.pcap"), r.err());
    }
}
