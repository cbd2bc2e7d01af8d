package dev.ward.detect.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Scan;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.detect.Results;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in account checks, run through the engine over a real passwd and shadow. */
class AccountChecksTest {
    /** 2024-11-28 is day 20055. */
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2024-11-28T12:00:00Z"));

    @TempDir
    Path dir;

    private List<String> run(String passwd, String shadow) throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("usr/share/base-passwd"));
        Files.writeString(dir.resolve("etc/passwd"), passwd);
        Files.writeString(dir.resolve("etc/shadow"), shadow);
        Files.writeString(dir.resolve("usr/share/base-passwd/passwd.master"),
                "root:*:0:0:root:/root:/bin/bash\nwww-data:*:33:33:www-data:/var/www:/usr/sbin/nologin\n");
        try (HostRoot root = HostRoot.open(dir)) {
            Results out = new Results();
            CheckDetector.of(CheckCatalog.builtin(), new AccountsCollector()).detect(new Scan(root, CLOCK), out);
            return out.findings().stream().map(AccountChecksTest::brief).sorted().toList();
        }
    }

    private static String brief(Finding f) {
        return f.check().substring("linux.accounts.".length()) + " " + f.severity().label() + " " + f.evidence().get("name");
    }

    @Test
    void eachAccountCheckFiresOnItsCase() throws Exception {
        List<String> found = run("""
                root:x:0:0:root:/root:/bin/bash
                sysupd:x:0:0:System Update:/var/lib/sysupd:/bin/bash
                www-data:x:33:33:www-data:/var/www:/bin/bash
                ghost:x:998:998::/var/lib/ghost:/usr/sbin/nologin
                blank:x:1001:1001::/home/blank:/bin/bash
                alice:x:1000:1000::/home/alice:/bin/bash
                """, """
                root:$6$a$b:20000:0:99999:7:::
                sysupd:$6$c$d:20050:0:99999:7:::
                www-data:$6$e$f:20054:0:99999:7:::
                ghost:*:20000:0:99999:7:::
                blank::20000:0:99999:7:::
                alice:$6$g$h:19000:0:99999:7:::
                """);
        assertEquals(List.of(
                "empty_password high blank",
                "password_changed_recently low sysupd",
                "password_changed_recently low www-data",
                "system_account_login_shell medium www-data",
                "system_account_password high www-data",
                "uid0_non_root critical sysupd",
                "unexplained_system_account medium ghost",
                "unexplained_user info alice",
                "unexplained_user info blank"), found);
    }

    @Test
    void aStockAccountTableIsQuiet() throws Exception {
        assertEquals(List.of(), run("""
                root:x:0:0:root:/root:/bin/bash
                www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
                """, """
                root:*:20000:0:99999:7:::
                www-data:*:20000:0:99999:7:::
                """));
    }
}
