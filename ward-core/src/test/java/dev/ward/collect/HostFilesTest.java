package dev.ward.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.ssh.AuthorizedKeysCollector;
import dev.ward.collect.sudo.SudoersReader;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.AuthorizedKey;
import dev.ward.model.CollectionError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFilesTest {
    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKq7l0fQzW3rXb9cJ4hT2mN8vY5sE1aU6oP0iL3dG7kB backup@localhost\n";

    @TempDir
    Path dir;

    /** Comment lines filling more than {@code bytes}: the padding an intruder puts before the real line. */
    private static String padding(long bytes) {
        String line = "# " + "x".repeat(1021) + "\n";
        return line.repeat((int) (bytes / line.length()) + 1);
    }

    @Test
    void aFileLongerThanTheLimitIsCutAndTheCutIsAnError() throws Exception {
        Files.writeString(dir.resolve("short"), "abc\n");
        Files.writeString(dir.resolve("long"), "abcdef\nghi\n");
        try (HostRoot root = HostRoot.open(dir)) {
            List<CollectionError> errors = new ArrayList<>();
            HostFiles files = new HostFiles(new Scan(root, InstantSource.system()), "test", errors);
            assertEquals("abc\n", files.text(HostPath.of("/short"), 4).orElseThrow());
            assertEquals(List.of(), errors);
            assertEquals("abcd", files.text(HostPath.of("/long"), 4).orElseThrow());
            assertEquals(List.of(new CollectionError("test", "/long",
                    "truncated at 4 bytes: lines after that were not read")), errors);
        }
    }

    @Test
    void paddedAuthorizedKeysMarkTheRunIncomplete() throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createDirectories(dir.resolve("root/.ssh"));
        Files.writeString(dir.resolve("root/.ssh/authorized_keys"), padding(HostFiles.TEXT_LIMIT) + KEY);
        try (HostRoot root = HostRoot.open(dir)) {
            CollectResult<AuthorizedKey> r = new AuthorizedKeysCollector().collect(new Scan(root, InstantSource.system()));
            assertEquals(List.of(), r.records());
            assertTrue(r.errors().stream().anyMatch(e -> e.path().equals("/root/.ssh/authorized_keys")
                    && e.message().startsWith("truncated at " + HostFiles.TEXT_LIMIT + " bytes")), r.errors().toString());
        }
    }

    @Test
    void paddedSudoersMarkTheRunIncomplete() throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/sudoers"), padding(HostFiles.TEXT_LIMIT) + "bob ALL=(ALL) NOPASSWD: ALL\n");
        try (HostRoot root = HostRoot.open(dir)) {
            SudoersReader.Sudoers s = SudoersReader.read(root);
            assertTrue(s.errors().stream().anyMatch(e -> e.message().startsWith("truncated at")), s.errors().toString());
        }
    }
}
