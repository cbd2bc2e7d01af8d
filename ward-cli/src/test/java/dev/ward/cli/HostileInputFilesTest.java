package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files handed to ward on the command line (policies, keys) that are not what they should be, and a
 * disk that fills: each a one-line error naming the file, with the documented status, and no wait.
 */
class HostileInputFilesTest {
    @TempDir
    Path dir;

    private static void assertOneLine(MainTest.Run r, int status, String text) {
        assertEquals(status, r.status(), r.err());
        assertTrue(r.err().startsWith("ward: ") && r.err().contains(text), r.err());
        assertTrue(r.err().lines().filter(l -> l.startsWith("ward: ")).count() == 1, r.err());
    }

    @Test
    void aDeviceOrFifoGivenAsAPolicyOrKeyIsRefusedAtOnce() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            assertOneLine(ward("net", "--no-connect-scan", "--expect", "/dev/zero"), 65, "/dev/zero: not a regular file");
            assertOneLine(ward("net", "--no-connect-scan", "--expect", fifo.toString()), 65, fifo + ": not a regular file");
            assertOneLine(ward("procs", "--sample", "0", "--baseline", "/dev/zero"), 65, "/dev/zero: not a regular file");
            assertOneLine(ward("baseline", "check", "--db", dir.resolve("none.db").toString(), "--verify-key",
                    fifo.toString()), 65, fifo + ": not a regular file");
        });
    }

    @Test
    void aPolicyThatIsNotTextNamesItsLine() throws Exception {
        Path policy = dir.resolve("ports");
        Files.write(policy, new byte[] {'2', '2', '/', 't', 'c', 'p', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        assertOneLine(ward("net", "--no-connect-scan", "--expect", policy.toString()), 64, policy + ":1: ");
    }

    @Test
    @Tag("root")
    void aFullDiskNamesTheReportItCouldNotWrite() throws Exception {
        Path small = Files.createDirectory(dir.resolve("small"));
        assertEquals(0, new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", small.toString())
                .start().waitFor());
        try {
            Path report = small.resolve("procs.json");
            MainTest.Run r = ward("procs", "--sample", "0", "--format", "json", "-o", report.toString());
            assertOneLine(r, 74, report + ": write: No space left on device");
            try (var left = Files.list(small)) {
                assertEquals(0, left.count(), "no partial file left");
            }
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }
}
