package dev.ward.collect.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Scan;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.AccountEntry;
import dev.ward.model.AccountEntry.PasswordState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccountsCollectorTest {
    /** 2024-11-28: day 20055 since the epoch. */
    static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2024-11-28T12:00:00Z"));

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    @Test
    void joinsShadowAndTellsWhereAccountsCameFrom() throws IOException {
        write("etc/passwd", """
                root:x:0:0:root:/root:/bin/bash
                daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
                postgres:x:105:110:PostgreSQL:/var/lib/postgresql:/bin/bash
                mallory:x:998:998::/var/lib/m:/bin/sh
                nopw:x:1001:1001::/home/nopw:/bin/bash
                ghost:x:1002:1002::/home/ghost:/bin/bash
                echo:x:997:997::/var/lib/echo:/bin/sh
                autoipd:x:996:996::/var/lib/autoipd:/usr/sbin/nologin
                postfix:x:995:995::/var/spool/postfix:/usr/sbin/nologin
                """);
        write("etc/shadow", """
                root:$6$a$b:20050:0:99999:7:::
                daemon:*:20000:0:99999:7:::
                postgres:*:20000::::::
                mallory:$6$c$d:20054::::::
                nopw::20000::::::
                """);
        write("usr/share/base-passwd/passwd.master", "root:*:0:0:root:/root:/bin/bash\ndaemon:*:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n");
        write("var/lib/dpkg/info/postgresql-common.postinst", """
                #!/bin/sh
                echo configuring
                adduser --system --home /var/lib/postgresql --no-create-home \\
                    --shell /bin/bash --group postgres
                """);
        // removed, not purged: only the postrm that deletes the account on purge is left
        write("var/lib/dpkg/info/postfix.postrm", "#!/bin/sh\nif [ \"$1\" = purge ]; then userdel postfix; fi\n");
        write("var/lib/dpkg/info/avahi-autoipd.preinst", "#!/bin/sh\nUSER=autoipd\nadduser --system $USER\n");
        // a later script of the same package must not hide the one that created the account
        write("var/lib/dpkg/info/postgresql-common.prerm", "exit 0\n");
        write("var/lib/dpkg/info/postgresql-common.preinst", "exit 0\n");
        write("var/log/installer/cdebconf/questions.dat",
                "Name: passwd/user-fullname\nValue: ghost\n\nName: passwd/username\nTemplate: passwd/username\nValue: nopw\n");
        try (HostRoot root = HostRoot.open(dir)) {
            CollectResult<AccountEntry> result = new AccountsCollector().collect(new Scan(root, CLOCK));
            Map<String, AccountEntry> by = result.records().stream()
                    .collect(Collectors.toMap(AccountEntry::name, Function.identity()));
            assertEquals("base-passwd", by.get("root").origin());
            assertEquals(5, by.get("root").passwordAgeDays());
            assertEquals(PasswordState.HASH, by.get("root").password());
            assertTrue(by.get("daemon").shellByPackage());
            assertEquals("package:postgresql-common", by.get("postgres").origin());
            assertTrue(by.get("postgres").shellByPackage());
            assertTrue(by.get("postgres").system());
            assertEquals("", by.get("mallory").origin());
            assertFalse(by.get("mallory").shellByPackage());
            assertEquals(1, by.get("mallory").passwordAgeDays());
            assertEquals(PasswordState.EMPTY, by.get("nopw").password());
            assertEquals("installer", by.get("nopw").origin());
            assertEquals(PasswordState.MISSING, by.get("ghost").password());
            assertEquals("", by.get("ghost").origin(), "only the passwd/username answer names the installer's user");
            assertEquals("", by.get("echo").origin(), "a word in a script is no adduser command");
            assertFalse(by.get("echo").shellByPackage(), "#!/bin/sh in a script gives no account a shell");
            assertEquals("package:avahi-autoipd", by.get("autoipd").origin());
            assertEquals("package:postfix", by.get("postfix").origin());
            assertEquals(6, by.get("ghost").line());
            assertTrue(result.errors().isEmpty(), result.errors().toString());
            assertEquals(List.of("/root", "/usr/sbin", "/var/lib/postgresql", "/var/lib/m", "/home/nopw", "/home/ghost",
                            "/var/lib/echo", "/var/lib/autoipd", "/var/spool/postfix"),
                    AccountsCollector.homes(new Scan(root, CLOCK)).stream().map(HostPath::display).toList());
        }
    }

    @Test
    void aMissingPasswdIsAnErrorNotACrash() throws IOException {
        Files.createDirectories(dir.resolve("etc"));
        try (HostRoot root = HostRoot.open(dir)) {
            CollectResult<AccountEntry> result = new AccountsCollector().collect(new Scan(root, CLOCK));
            assertTrue(result.records().isEmpty());
            assertEquals("accounts: /etc/passwd: not found", result.errors().getFirst().toString());
        }
    }
}
