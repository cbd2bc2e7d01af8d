package dev.ward.collect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ward.host.HostRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshdConfigTest {
    @TempDir
    Path dir;

    @Test
    void filesIncludingEachOtherTwiceAreReadOnce() throws Exception {
        Files.createDirectories(dir.resolve("etc/ssh"));
        Files.writeString(dir.resolve("etc/ssh/sshd_config"), "Include /etc/ssh/a.conf /etc/ssh/a.conf\nPort 22\n");
        Files.writeString(dir.resolve("etc/ssh/a.conf"), "Include /etc/ssh/sshd_config /etc/ssh/sshd_config\nPort 2222\n");
        SshdConfig c = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try (HostRoot root = HostRoot.open(dir)) {
                return SshdConfig.read(root);
            }
        });
        assertEquals(List.of("/etc/ssh/a.conf 2", "/etc/ssh/sshd_config 2"),
                c.directives().stream().map(d -> d.file() + " " + d.line()).toList());
        assertEquals(List.of(), c.errors());
    }
}
