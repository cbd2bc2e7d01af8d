package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.Scan;
import dev.ward.host.HostRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthLogCollectorTest {
    @TempDir
    Path dir;

    private void write(String path, String text) throws Exception {
        Path p = dir.resolve(path.substring(1));
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    /** The services' own logs are read where Debian and Red Hat put them; the pace is judged on the authentication log only. */
    @Test
    void servicesOwnLogs() throws Exception {
        write("/var/log/auth.log", "Nov 20 04:00:00 web1 sshd[100]: Failed password for root from 192.0.2.1 port 1 ssh2\n");
        write("/var/log/vsftpd.log", """
                Fri Nov 20 04:00:00 2026 [pid 2] CONNECT: Client "::ffff:192.0.2.2"
                Fri Nov 20 04:00:03 2026 [pid 1] [bob] FAIL LOGIN: Client "::ffff:192.0.2.2"
                Fri Nov 20 04:00:09 2026 [pid 1] [bob] OK LOGIN: Client "::ffff:192.0.2.2"
                """);
        write("/var/log/proftpd/proftpd.log.1", "2026-11-19 21:59:30,121 web1 proftpd[25891] web1 (x[192.0.2.3]): "
                + "USER kjsad: no such user found from x [192.0.2.3] to ::ffff:192.168.1.14:21\n");
        write("/var/log/mysql/error.log", "2026-11-20  4:01:00 4644 [Warning] Access denied for user 'root'@'192.0.2.4' "
                + "(using password: YES)\n");
        write("/var/log/postgresql/postgresql-15-main.log", """
                2026-11-20 04:02:00.001 UTC [4100] LOG:  connection received: host=192.0.2.5 port=50112
                2026-11-20 04:02:00.123 UTC [4100] postgres@shop FATAL:  password authentication failed for user "postgres"
                """);
        write("/var/log/postgresql/notes.txt", "2026-11-20 04:02:00.123 UTC [4100] FATAL:  no pg_hba.conf entry for host \"192.0.2.9\"\n");
        try (HostRoot root = HostRoot.open(dir)) {
            LoginLedger ledger = LoginLedger.of(new Scan(root, InstantSource.system()), new AuthLogCollector());
            assertEquals(Map.of("192.0.2.1", 1L, "192.0.2.2", 1L, "192.0.2.3", 1L, "192.0.2.4", 1L, "192.0.2.5", 1L),
                    ledger.failuresBySource());
            assertEquals(Map.of("bob", 1L), ledger.loginsByUser());
            assertEquals(List.of("/var/log/auth.log"), ledger.rhythms().stream().map(Rhythm::file).toList());
        }
    }

    /** A line of each kind the parsers read, with its address: from sshd, PAM, the mail and FTP servers, databases, admin tools. */
    static final List<String> KINDS = List.of(
            "Nov 20 03:12:00 web1 sshd[4100]: Accepted publickey for deploy from 192.0.2.10 port 40077 ssh2: ED25519 SHA256:abc",
            "Nov 20 03:12:00 web1 sshd[4100]: Failed password for invalid user admin from 192.0.2.11 port 40000 ssh2",
            "Nov 20 03:12:00 web1 sshd[4100]: Invalid user my admin from 192.0.2.12 port 40000",
            "Nov 20 03:12:00 web1 sshd[4100]: message repeated 3 times: [ Failed password for root from 192.0.2.13 port 40003 ssh2]",
            "Nov 20 03:12:00 web1 dovecot: imap-login: Disconnected (auth failed, 2 attempts): user=<bob>, method=PLAIN, "
                    + "rip=192.0.2.14, lip=192.0.2.99, TLS",
            "Nov 20 03:12:00 web1 postfix/smtpd[7676]: warning: mx.example[192.0.2.15]: SASL LOGIN authentication failed: x",
            "Nov 20 03:12:00 web1 pure-ftpd: (pam_unix) authentication failure; logname= uid=0 euid=0 tty=pure-ftpd "
                    + "ruser=bob rhost=192.0.2.16  user=bob",
            "Nov 20 03:12:00 web1 vsftpd[1]: [bob] FAIL LOGIN: Client \"::ffff:192.0.2.17\"",
            "Nov 20 03:12:00 web1 proftpd[25891]: web1 (x[192.0.2.18]) - USER bob (Login failed): Incorrect password",
            "Nov 20 03:12:00 web1 mysqld[1]: 2026-11-20  4:01:00 4644 [Warning] Access denied for user 'root'@'192.0.2.19' "
                    + "(using password: YES)",
            "Nov 20 03:12:00 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/id",
            "Nov 20 03:12:00 web1 su[3537]: (to root) alice on pts/0",
            "Nov 20 03:12:00 web1 useradd[6995]: new user: name=eve, UID=0, GID=0, home=/root, shell=/bin/bash, from=/dev/pts/0",
            "Nov 20 03:12:00 web1 usermod[7001]: add 'eve' to group 'sudo'",
            "Nov 20 03:12:00 web1 CRON[4100]: (root) CMD (cd / && run-parts --report /etc/cron.hourly)",
            "Nov 20 03:12:00 web1 systemd-logind[412]: New session 12 of user bob.",
            "2026-11-20T03:12:00.123456+00:00 web1 sshd[4100]: Failed password for root from 192.0.2.20 port 1 ssh2",
            "2026-11-20 04:02:00.123 UTC [4100] postgres@shop FATAL:  password authentication failed for user \"postgres\"");

    /**
     * Any local user can write lines of any program's name into the logs (logger -t sshd), so no
     * line may stop a log being read: every prefix of a line of each kind, and each with one
     * character swapped for one that delimits fields, read with the lines themselves last, which
     * are still all understood.
     */
    @Test
    void noLineStopsTheLogBeingRead() throws Exception {
        List<String> lines = new ArrayList<>();
        for (String line : KINDS) {
            for (int end = 1; end < line.length(); end++) {
                lines.add(line.substring(0, end));
            }
            for (int at = 16; at < line.length(); at++) {
                for (char c : " []()<>:;,='\"x9".toCharArray()) {
                    lines.add(line.substring(0, at) + c + line.substring(at + 1));
                }
            }
        }
        lines.add("Nov 20 03:12:00 web1 sshd[4100]: message repeated x times: [ Failed password for root from 192.0.2.1 port 1 ssh2]");
        lines.add("Nov 20 03:12:00 web1 sshd[4100]: message repeated 2000000000 times: [ Failed password for root from 192.0.2.1 port 1 ssh2]");
        lines.addAll(KINDS);
        write("/var/log/auth.log", String.join("\n", lines) + "\n");
        try (HostRoot root = HostRoot.open(dir)) {
            LoginLedger ledger = LoginLedger.of(new Scan(root, InstantSource.system()), new AuthLogCollector());
            for (int i = 11; i <= 20; i++) {
                if (i != 12) {
                    assertTrue(ledger.failuresBySource().containsKey("192.0.2." + i), "192.0.2." + i + ": " + ledger.failuresBySource());
                }
            }
            assertTrue(ledger.invalidUsersBySource().containsKey("192.0.2.12"));
            assertTrue(ledger.loginsByUser().containsKey("deploy"));
            assertTrue(ledger.sudoByUser().containsKey("alice"));
            assertTrue(ledger.failuresBySource().getOrDefault("192.0.2.1", 0L) < 1000, "a repeat count of 2000000000 trusted");
        }
    }
}
