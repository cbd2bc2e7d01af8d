package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Scan;
import dev.ward.host.HostRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
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
}
