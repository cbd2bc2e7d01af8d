package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Scan;
import dev.ward.collect.web.WebLedger;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Logs that are symlinks are read where they lead inside the root; a log that is anything but a
 * regular file, or a link that leads nowhere, is a collection error naming it, never skipped in silence.
 */
@Timeout(30) // a FIFO opened to read would block for ever
class LogLinksTest {
    @TempDir
    Path dir;

    private Path root() {
        return dir.resolve("root");
    }

    private Path write(String path, String text) throws Exception {
        Path p = root().resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    private void link(String path, String target) throws Exception {
        Path p = root().resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.createSymbolicLink(p, Path.of(target));
    }

    private static String failure(String address) {
        return "Nov 20 04:00:00 web1 sshd[100]: Failed password for root from " + address + " port 1 ssh2\n";
    }

    private LoginLedger ledger(HostRoot root) {
        return LoginLedger.of(new Scan(root, InstantSource.system()), new AuthLogCollector());
    }

    /** Relative and absolute links, of the current files, the rotations and every other log read the same way. */
    @Test
    void linksInsideTheRootAreFollowed() throws Exception {
        write("/real/auth.log", failure("192.0.2.1"));
        link("/var/log/auth.log", "../../real/auth.log");
        write("/real/auth.log.1", failure("192.0.2.2"));
        link("/var/log/auth.log.1", "/real/auth.log.1");
        write("/real/mail.log.2.gz", ""); // replaced below by gzip data
        Files.write(root().resolve("real/mail.log.2.gz"), LogGzipTest.gzip(failure("192.0.2.3")));
        link("/var/log/mail.log.2.gz", "/real/mail.log.2.gz");
        write("/real/vsftpd.log", "Fri Nov 20 04:00:03 2026 [pid 1] [bob] FAIL LOGIN: Client \"::ffff:192.0.2.4\"\n");
        link("/var/log/vsftpd.log", "/real/vsftpd.log");
        write("/real/history.log", "Start-Date: 2026-11-20  04:00:00\nCommandline: apt-get install nmap\n"
                + "Requested-By: alice (1000)\nEnd-Date: 2026-11-20  04:00:09\n");
        link("/var/log/apt/history.log", "../../../real/history.log");
        write("/real/cron.log", "Nov 20 04:00:00 web1 CRON[4100]: (root) CMD (/tmp/.x/run)\n");
        link("/var/log/cron.log", "/real/cron.log");
        write("/real/access.log", "192.0.2.5 - - [20/Nov/2026:04:00:00 +0000] \"GET /x HTTP/1.1\" 404 10 \"-\" \"curl\"\n");
        link("/var/log/nginx/access.log", "/real/access.log");
        try (HostRoot root = HostRoot.open(root())) {
            Scan scan = new Scan(root, InstantSource.system());
            LoginLedger ledger = LoginLedger.of(scan, new AuthLogCollector());
            assertEquals(List.of(), ledger.errors());
            assertEquals(Map.of("192.0.2.1", 1L, "192.0.2.2", 1L, "192.0.2.3", 1L, "192.0.2.4", 1L),
                    ledger.failuresBySource());
            assertEquals(List.of("apt-get install nmap"), ledger.aptCommands().stream().map(a -> a.detail()).toList());
            assertEquals(1, ledger.cronCommands().size());
            WebLedger web = WebLedger.of(scan);
            assertEquals(List.of(), web.errors());
            assertEquals(1, web.requests());
        }
    }

    /** Neither ".." nor an absolute target leads out of the root: a log outside it is not read. */
    @Test
    void linksStayInTheRoot() throws Exception {
        Path outside = Files.writeString(dir.resolve("outside.log"), failure("192.0.2.66"));
        link("/var/log/auth.log", "../../../outside.log");
        link("/var/log/secure", outside.toAbsolutePath().toString());
        try (HostRoot root = HostRoot.open(root())) {
            LoginLedger ledger = ledger(root);
            assertEquals(Map.of(), ledger.failuresBySource());
            assertEquals(List.of(
                    new CollectionError("logins", "/var/log/auth.log", "dangling symlink to ../../../outside.log"),
                    new CollectionError("logins", "/var/log/secure", "dangling symlink to " + outside.toAbsolutePath())),
                    ledger.errors());
        }
    }

    /** What cannot be read, current file or rotation, is listed by its path; the other logs are read. */
    @Test
    void whatIsNotARegularFileIsAnError() throws Exception {
        write("/var/log/auth.log.3", failure("192.0.2.1"));
        link("/var/log/auth.log.2", "/var/log/gone");
        link("/var/log/auth.log.1", "/var/log/auth.log.1");
        assertEquals(0, new ProcessBuilder("mkfifo", root().resolve("var/log/auth.log").toString()).start().waitFor());
        Files.createDirectories(root().resolve("var/log/mail.log"));
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(root().resolve("var/log/secure")));
            link("/var/log/vsftpd.log", "/var/log/auth.log"); // a link to the FIFO
            try (HostRoot root = HostRoot.open(root())) {
                LoginLedger ledger = ledger(root);
                assertEquals(Map.of("192.0.2.1", 1L), ledger.failuresBySource());
                assertEquals(List.of(
                        new CollectionError("logins", "/var/log/auth.log.2", "dangling symlink to /var/log/gone"),
                        new CollectionError("logins", "/var/log/auth.log.1", "open: Too many levels of symbolic links"),
                        new CollectionError("logins", "/var/log/auth.log", "not a regular file (a FIFO)"),
                        new CollectionError("logins", "/var/log/secure", "not a regular file (a socket)"),
                        new CollectionError("logins", "/var/log/mail.log", "not a regular file (a directory)"),
                        new CollectionError("logins", "/var/log/vsftpd.log", "not a regular file (a FIFO)")),
                        ledger.errors());
            }
        }
    }

    /** A device node is described, never opened: opening one (a watchdog, a tape) can act on the machine. */
    @Test
    @Tag("root")
    void aDeviceIsAnError() throws Exception {
        Files.createDirectories(root().resolve("var/log"));
        assertEquals(0, new ProcessBuilder("mknod", root().resolve("var/log/auth.log").toString(), "c", "1", "3")
                .start().waitFor());
        try (HostRoot root = HostRoot.open(root())) {
            assertEquals(List.of(new CollectionError("logins", "/var/log/auth.log", "not a regular file (a character device)")),
                    ledger(root).errors());
        }
    }

    /**
     * A link to a file of procfs, as on a live host: {@code /proc/kmsg} would block the read and take
     * the messages rsyslog is owed. A kernel's file is refused whatever it is.
     */
    @Test
    @Tag("root")
    void aKernelFileIsAnError() throws Exception {
        Path proc = Files.createDirectories(root().resolve("proc"));
        link("/var/log/auth.log", "/proc/self/status");
        assertEquals(0, new ProcessBuilder("mount", "-t", "proc", "proc", proc.toString()).start().waitFor());
        try (HostRoot root = HostRoot.open(root())) {
            assertEquals(List.of(new CollectionError("logins", "/var/log/auth.log", "a file of the kernel's (procfs), not read")),
                    ledger(root).errors());
        } finally {
            assertEquals(0, new ProcessBuilder("umount", "-l", proc.toString()).start().waitFor());
        }
    }

    /** One file reached by two names (a hard link, a symlink) is read once, not counted twice. */
    @Test
    void oneFileByTwoNamesIsReadOnce() throws Exception {
        Path log = write("/var/log/auth.log", failure("192.0.2.1"));
        Files.createLink(root().resolve("var/log/auth.log.1"), log);
        link("/var/log/secure", "auth.log");
        try (HostRoot root = HostRoot.open(root())) {
            LoginLedger ledger = ledger(root);
            assertEquals(List.of(), ledger.errors());
            assertEquals(Map.of("192.0.2.1", 1L), ledger.failuresBySource());
        }
    }
}
