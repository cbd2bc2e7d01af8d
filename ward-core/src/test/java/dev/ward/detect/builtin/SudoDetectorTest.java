package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.detect.Results;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SudoDetectorTest {
    static final String STOCK = """
            Defaults\tenv_reset
            Defaults\tmail_badpass
            Defaults\tsecure_path="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
            Defaults\tuse_pty
            root\tALL=(ALL:ALL) ALL
            %sudo\tALL=(ALL:ALL) ALL
            @includedir /etc/sudoers.d
            """;

    @TempDir
    Path dir;

    private TestRoot stock() {
        return new TestRoot(dir).write("etc/sudoers", STOCK, "r--r-----", TestRoot.OLD)
                .write("etc/sudoers.d/README", "# comments only\n", "r--r-----", TestRoot.OLD);
    }

    @Test
    void stockDebianSudoersIsQuiet() {
        Results r = stock().run(new SudoDetector());
        assertEquals(List.of(), TestRoot.brief(r));
        assertEquals(List.of(), r.errors());
    }

    @Test
    void webServerAccountWithNopasswdAll() {
        Results r = stock().write("etc/sudoers.d/90-web", "www-data ALL=(ALL) NOPASSWD: ALL\n", "r--r-----", TestRoot.OLD)
                .run(new SudoDetector());
        assertEquals(List.of(
                "linux.sudo.service_account_grant high /etc/sudoers.d/90-web"), TestRoot.brief(r));
        List<?> rules = (List<?>) r.findings().get(0).evidence().get("rules");
        assertEquals(Map.of("line", 1, "principal", "www-data", "runas", "ALL", "nopasswd", true,
                "commands", List.of("ALL"), "text", "www-data ALL=(ALL) NOPASSWD: ALL"), rules.get(0));
    }

    @Test
    void aliasesShellEscapesDefaultsAndLooseMode() {
        Results r = stock().write("etc/sudoers.d/ops", """
                        User_Alias OPS = alice, bob
                        Cmnd_Alias EDIT = /usr/bin/vim /etc/hosts
                        OPS ALL = NOPASSWD: EDIT, /usr/bin/systemctl restart nginx
                        Defaults:OPS !authenticate
                        Defaults env_keep += "LD_PRELOAD"
                        """, "rw-r--r--", TestRoot.OLD)
                .run(new SudoDetector());
        assertEquals(List.of(
                "linux.sudo.nopasswd_shell_escape medium /etc/sudoers.d/ops",
                "linux.sudo.defaults_no_authenticate high /etc/sudoers.d/ops",
                "linux.sudo.defaults_env_keep_loader medium /etc/sudoers.d/ops",
                "linux.sudo.file_permissions medium /etc/sudoers.d/ops"), TestRoot.brief(r));
        List<?> rules = (List<?>) r.findings().get(0).evidence().get("rules");
        assertEquals(2, rules.size()); // alice and bob, from the alias
    }

    @Test
    void filesSudoSkipsAreNotRead() {
        Results r = stock()
                .write("etc/sudoers.d/web.bak", "www-data ALL=(ALL) NOPASSWD: ALL\n", "r--r-----", TestRoot.OLD)
                .write("etc/sudoers.d/web~", "www-data ALL=(ALL) NOPASSWD: ALL\n", "r--r-----", TestRoot.OLD)
                .run(new SudoDetector());
        assertEquals(List.of(), TestRoot.brief(r));
    }

    @Test
    void passwordedShellForAUserIsQuietAndNoSudoersIsQuiet() {
        Results r = stock().write("etc/sudoers.d/alice", "alice ALL=(root) /bin/bash\n", "r--r-----", TestRoot.OLD)
                .run(new SudoDetector());
        assertEquals(List.of(), TestRoot.brief(r));
        assertEquals(List.of(), TestRoot.brief(new TestRoot(dir.resolve("empty")).run(new SudoDetector())));
    }

    @Test
    void aDropInIsReadEvenWhereSudoersIsMissing() {
        Results r = new TestRoot(dir).write("etc/sudoers.d/90-web", "www-data ALL=(ALL) NOPASSWD: ALL\n", "r--r-----", TestRoot.OLD)
                .run(new SudoDetector());
        assertEquals(List.of(
                "linux.sudo.service_account_grant high /etc/sudoers.d/90-web"), TestRoot.brief(r));
    }

    @Test
    void aMissingIncludedFileIsAnErrorAndSubdirectoriesAreNotRead() {
        Results r = stock()
                .write("etc/sudoers.d/extra", "@include /etc/sudoers.local\n", "r--r-----", TestRoot.OLD)
                .write("etc/sudoers.d/old/web", "www-data ALL=(ALL) NOPASSWD: ALL\n", "r--r-----", TestRoot.OLD)
                .run(new SudoDetector());
        assertEquals(List.of(), TestRoot.brief(r));
        assertEquals(List.of("/etc/sudoers.local: included from /etc/sudoers.d/extra line 1 but not found"),
                r.errors().stream().map(e -> e.path() + ": " + e.message()).toList());
    }

    @Test
    void aDigestBeforeAShellDoesNotHideIt() {
        Results r = stock().write("etc/sudoers.d/alice", "alice ALL = NOPASSWD: sha256:"
                        + "a".repeat(64) + " /bin/bash\n", "r--r-----", TestRoot.OLD)
                .run(new SudoDetector());
        assertEquals(List.of("linux.sudo.nopasswd_shell_escape medium /etc/sudoers.d/alice"), TestRoot.brief(r));
    }

    @Test
    void defaultsAndTagsThatPassCodeOrHideUse() {
        Results r = stock().write("etc/sudoers.d/weak", """
                        Defaults !env_reset, setenv
                        Defaults:bob env_keep += "PYTHONPATH BASH_ENV"
                        Defaults !syslog, logfile=/dev/null, timestamp_timeout=-1
                        alice ALL = (root) SETENV: /usr/bin/make, NOSETENV: /usr/bin/id
                        bob ALL = SETENV: ALL
                        """, "r--r-----", TestRoot.OLD)
                .run(new SudoDetector());
        assertEquals(List.of(
                "linux.sudo.defaults_no_env_reset high /etc/sudoers.d/weak",
                "linux.sudo.setenv medium /etc/sudoers.d/weak",
                "linux.sudo.defaults_env_keep_loader medium /etc/sudoers.d/weak",
                "linux.sudo.defaults_no_log medium /etc/sudoers.d/weak",
                "linux.sudo.defaults_no_log medium /etc/sudoers.d/weak",
                "linux.sudo.defaults_timestamp_forever medium /etc/sudoers.d/weak",
                "linux.sudo.setenv medium /etc/sudoers.d/weak",
                "linux.sudo.setenv high /etc/sudoers.d/weak"), TestRoot.brief(r));
        assertEquals(4, r.findings().get(6).evidence().get("line"));
    }
}
