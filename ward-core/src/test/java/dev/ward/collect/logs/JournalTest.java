package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.collect.Scan;
import dev.ward.detect.Results;
import dev.ward.detect.builtin.LoginDetector;
import dev.ward.host.HostRoot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal written by systemd-journal-remote from journald's export format, read back through journalctl. */
class JournalTest {
    static final Path REMOTE = Path.of("/usr/lib/systemd/systemd-journal-remote");
    static final String MACHINE = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    @Test
    void jsonLinesOfJournalctl() {
        assertEquals(Optional.of(new SyslogLine(Instant.parse("2025-11-20T03:12:00.000001Z"), "web1", "sshd", 4100,
                        "Failed password for root from 203.0.113.45 port 40000 ssh2")),
                JournalEntry.parse("{\"__REALTIME_TIMESTAMP\":\"1763608320000001\",\"_HOSTNAME\":\"web1\",\"SYSLOG_IDENTIFIER\":"
                        + "\"sshd\",\"_PID\":\"4100\",\"MESSAGE\":\"Failed password for root from 203.0.113.45 port 40000 ssh2\"}"));
        assertEquals(Map.of("A", "x\"y\n\u00e9", "C", "z"),
                JournalEntry.fields("{\"A\":\"x\\\"y\\n\\u00e9\",\"B\":[1,2,3],\"N\":null,\"C\":\"z\"}"));
        assertEquals(Optional.empty(), JournalEntry.parse("{\"MESSAGE\":\"no time\"}"));
        assertEquals(Optional.empty(), JournalEntry.parse("not json"));
    }

    @Test
    void bruteForceInAJournalOnlyHost() throws Exception {
        assumeTrue(Files.isExecutable(REMOTE) && Files.isExecutable(Path.of("/usr/bin/journalctl")),
                "systemd-journal-remote and journalctl are not installed (apt-get install systemd-journal-remote)");
        StringBuilder export = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            export.append(entry(1763608320L + i * 5, 4100 + i, "Failed password for root from 203.0.113.45 port " + (40000 + i) + " ssh2"));
        }
        export.append(entry(1763608400L, 4200, "Accepted password for root from 203.0.113.45 port 40100 ssh2"));
        try (HostRoot root = HostRoot.open(journal(export.toString()))) {
            Results out = new Results();
            new LoginDetector().detect(new Scan(root, InstantSource.system()), out);
            assertEquals(List.of(), out.errors());
            assertEquals(List.of("high linux.logs.success_after_failures", "medium linux.logs.brute_force", "medium linux.logs.root_login"),
                    out.findings().stream().map(f -> f.severity().label() + " " + f.check()).sorted().toList());
            assertEquals("/var/log/journal", out.findings().getFirst().paths().getFirst());
        }
    }

    /** An entry of 100 KiB among others: cut, counted as an error of the journal, the others read. */
    @Test
    void aHugeEntryIsCut() throws Exception {
        assumeTrue(Files.isExecutable(REMOTE) && Files.isExecutable(Path.of("/usr/bin/journalctl")),
                "systemd-journal-remote and journalctl are not installed (apt-get install systemd-journal-remote)");
        String export = entry(1763608320L, 4100, "Failed password for root from 203.0.113.1 port 1 ssh2")
                + entry(1763608321L, 4101, "Failed password for root from 203.0.113.2 port 1 ssh2 " + "x".repeat(100 * 1024))
                + entry(1763608322L, 4102, "Failed password for root from 203.0.113.3 port 1 ssh2");
        Path root = journal(export);
        try (HostRoot host = HostRoot.open(root)) {
            LoginLedger ledger = LoginLedger.of(new Scan(host, InstantSource.system()), new AuthLogCollector());
            assertEquals(Map.of("203.0.113.1", 1L, "203.0.113.3", 1L), ledger.failuresBySource());
            assertEquals(1, ledger.errors().size(), ledger.errors().toString());
            assertEquals("/var/log/journal", ledger.errors().getFirst().path());
            assertTrue(ledger.errors().getFirst().message().matches("offset \\d+ of journalctl's output: line longer than "
                    + "65536 bytes, cut to that \\(1 such line\\)"), ledger.errors().getFirst().message());
        }
    }

    /** A root whose /var/log/journal holds the entries of {@code export}, written by systemd-journal-remote. */
    private Path journal(String export) throws Exception {
        Path journal = Files.createDirectories(dir.resolve("root/var/log/journal/" + MACHINE)).resolve("system.journal");
        Process p = new ProcessBuilder(REMOTE.toString(), "-o", journal.toString(), "-").redirectErrorStream(true).start();
        p.getOutputStream().write(export.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return dir.resolve("root");
    }

    /** One entry of journald's export format. */
    static String entry(long seconds, int pid, String message) {
        return "__REALTIME_TIMESTAMP=" + seconds * 1_000_000 + "\n__MONOTONIC_TIMESTAMP=" + seconds + "\n_BOOT_ID=" + MACHINE
                + "\n_HOSTNAME=web1\nSYSLOG_IDENTIFIER=sshd\n_PID=" + pid + "\nMESSAGE=" + message + "\n\n";
    }
}
