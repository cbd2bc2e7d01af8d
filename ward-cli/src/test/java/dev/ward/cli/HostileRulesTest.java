package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule files written by an intruder ({@code ward baseline init --config FILE}): each is refused
 * promptly with exit 65 and one line on standard error naming file:line, never a stack trace, a
 * hang or a terminal escape.
 */
class HostileRulesTest {
    private static final Duration PROMPTLY = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** Runs baseline init with {@code config}, checks the refusal's shape, and returns its message. */
    private String refused(Path config) {
        MainTest.Run r = assertTimeoutPreemptively(PROMPTLY, () -> ward("baseline", "init", "--config", config.toString(),
                "--db", dir.resolve("db").toString(), "--root", Files.createDirectories(dir.resolve("root")).toString()));
        assertEquals(65, r.status(), r.err());
        assertTrue(r.err().startsWith("ward: ") && r.err().indexOf('\n') == r.err().length() - 1, "one line: " + r.err());
        assertTrue(r.err().chars().noneMatch(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f), "escaped: " + r.err());
        assertTrue(r.err().length() < 400, "short: " + r.err().length() + " characters");
        assertTrue(Files.notExists(dir.resolve("db")));
        return r.err().strip();
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void devZeroAsTheConfigurationIsNotRead() {
        assertEquals("ward: /dev/zero: cannot read '/dev/zero': not a regular file (a character device)",
                refused(Path.of("/dev/zero")));
    }

    @Test
    void devZeroIncludedIsNotRead() throws Exception {
        Path conf = write("rules.conf", "/etc R\n@@include /dev/zero\n");
        assertEquals("ward: " + conf + ":2: cannot read '/dev/zero': not a regular file (a character device)",
                refused(conf));
    }

    @Test
    void aFifoIsNeverOpened() throws Exception {
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path conf = write("rules.conf", "@@include fifo\n");
        assertEquals("ward: " + conf + ":1: cannot read '" + fifo + "': not a regular file (a FIFO)", refused(conf));
        assertEquals("ward: " + fifo + ": cannot read '" + fifo + "': not a regular file (a FIFO)", refused(fifo));
    }

    @Test
    void aDirectoryOrSocketIsRefused() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path socket = dir.resolve("sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Path conf = write("rules.conf", "# sockets\n@@include sock\n");
            assertEquals("ward: " + conf + ":2: cannot read '" + socket + "': not a regular file (a socket)", refused(conf));
        }
        assertEquals("ward: " + sub + ": cannot read '" + sub + "': not a regular file (a directory)", refused(sub));
    }

    /** /dev/stdin leads to /proc/self/fd/0, a link into another file table that ward does not follow. */
    @Test
    void aSymlinkThatLeadsNowhereIsNotCalledMissing() throws Exception {
        String why = "a symlink ward cannot follow (its target is missing, it loops, or it is a /proc/self/fd link)";
        assertEquals("ward: /dev/stdin: cannot read '/dev/stdin': " + why, refused(Path.of("/dev/stdin")));
        Path a = Files.createSymbolicLink(dir.resolve("a.conf"), dir.resolve("b.conf"));
        Files.createSymbolicLink(dir.resolve("b.conf"), a);
        Path conf = write("rules.conf", "@@include a.conf\n");
        assertEquals("ward: " + conf + ":1: cannot read '" + a + "': " + why, refused(conf));
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("big.conf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(3L << 30); // sparse: 3 GiB of NULs
        }
        Path conf = write("rules.conf", "@@include big.conf\n");
        assertEquals("ward: " + conf + ":1: cannot read '" + big + "': larger than 16 MiB", refused(conf));
    }

    /** Each variable is 8 copies of the one before: 8^9 copies of the first by the last. */
    @Test
    void nestedDefinesStopAtTheLineLimit() throws Exception {
        StringBuilder text = new StringBuilder("@@define V0 abcdefgh\n");
        for (int i = 1; i <= 9; i++) {
            text.append("@@define V").append(i).append(' ').append(("@@{V" + (i - 1) + "}").repeat(8)).append('\n');
        }
        Path conf = write("bomb.conf", text.append("/etc/@@{V9} R\n").toString());
        assertEquals("ward: " + conf + ":6: line longer than 64 KiB after @@{VAR} expansion", refused(conf));
    }

    /** Lines that stay under the line limit but, used over and over, add up. */
    @Test
    void expansionHasABudgetForTheWholeConfiguration() throws Exception {
        String line = "/etc/@@{BIG} R\n";
        Path conf = write("many.conf", "@@define BIG " + "x".repeat(60_000) + "\n" + line.repeat(400));
        assertEquals("ward: " + conf + ":280: more than 16 MiB of rules in all (each include and @@{VAR} counted)",
                refused(conf));
    }

    @Test
    void aLongLineIsRefused() throws Exception {
        Path conf = write("long.conf", "/etc R\n/" + "a".repeat(70_000) + " R\n");
        assertEquals("ward: " + conf + ":2: line longer than 64 KiB", refused(conf));
    }

    @Test
    void includeLoopsAreErrors() throws Exception {
        Path self = write("self.conf", "/etc R\n@@include self.conf\n");
        assertEquals("ward: " + self + ":2: include loop: '" + self + "' is already being read", refused(self));
        Path a = write("a.conf", "@@include b.conf\n");
        Path b = write("b.conf", "# back\n@@include a.conf\n");
        assertEquals("ward: " + b + ":2: include loop: '" + a + "' is already being read", refused(a));
    }

    /** No loop, but each file includes the next one eight times: 8^14 reads of the last. */
    @Test
    void includesThatFanOutStopAtTheFileLimit() throws Exception {
        for (int i = 0; i < 15; i++) {
            write("f" + i + ".conf", ("@@include f" + (i + 1) + ".conf\n").repeat(8));
        }
        write("f15.conf", "/etc R\n");
        String err = refused(dir.resolve("f0.conf"));
        assertTrue(err.matches("ward: " + dir + "/f\\d+\\.conf:\\d: more than 4096 rule files read in all .*"), err);
    }

    @Test
    void tooManyRulesAreRefused() throws Exception {
        Path conf = write("rules.conf", "/etc R\n".repeat(100_001));
        assertEquals("ward: " + conf + ":100001: more than 100000 rules, groups and settings in all", refused(conf));
    }

    /** ESC, a C1 CSI and a bidi override in a line, and ESC in an included file's name, come out escaped. */
    @Test
    void controlCharactersAreEscapedInMessages() throws Exception {
        Path conf = write("esc.conf", "/etc R\nx\u001b[2J\u001b]0;owned\u0007 \u009b31m\u202eR\n");
        assertEquals("ward: " + conf + ":2: not a rule, a group definition or an option: "
                + "'x\\x1b[2J\\x1b]0;owned\\x07 \\xc2\\x9b31m\\xe2\\x80\\xaeR'", refused(conf));
        Path d = Files.createDirectories(dir.resolve("conf.d"));
        write("conf.d/10-\u001b[2J.conf", "/etc tiger\n");
        Path main = write("main.conf", "@@include conf.d \\\\.conf$\n");
        assertEquals("ward: " + d + "/10-\\x1b[2J.conf:1: attribute 'tiger' is not supported by ward", refused(main));
    }

    @Test
    void aLongRegexIsQuotedShort() throws Exception {
        Path conf = write("nest.conf", "/" + "(".repeat(20_000) + ")".repeat(20_000) + " R\n");
        String err = refused(conf);
        assertTrue(err.startsWith("ward: " + conf + ":1: invalid regular expression '/((((("), err);
        assertTrue(err.endsWith("...': Stack overflow during pattern compilation"), err);
    }
}
