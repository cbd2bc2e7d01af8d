package dev.ward.cli;

import static dev.ward.cli.MainTest.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence first: on a mount with strictatime, where the kernel sets an access time at every read,
 * listing and link followed, a triage and a baseline of the tree leave every access time as it was,
 * the symlinks' included (whose targets a baseline reads and a triage follows).
 */
@Tag("root")
class AccessTimeTest {
    private static final FileTime OLD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path dir;

    private Path root;

    @BeforeEach
    void mount() throws Exception {
        root = Files.createDirectory(dir.resolve("root"));
        assertEquals(0, new ProcessBuilder("mount", "-t", "tmpfs", "-o", "strictatime,size=16m", "tmpfs", root.toString())
                .start().waitFor());
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(etc.resolve("cron.d"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.writeString(etc.resolve("cron.d/job"), "* * * * * root /usr/bin/true\n");
        Files.createSymbolicLink(etc.resolve("localtime"), Path.of("/usr/share/zoneinfo/UTC"));
        Files.createSymbolicLink(etc.resolve("cron.daily"), Path.of("cron.d"));
        Files.createDirectories(root.resolve("usr/share/zoneinfo"));
        Files.writeString(root.resolve("usr/share/zoneinfo/UTC"), "TZif2");
    }

    @AfterEach
    void unmount() throws Exception {
        new ProcessBuilder("umount", root.toString()).start().waitFor();
    }

    @Test
    void triageAndBaselineMoveNoAccessTime() throws Exception {
        List<Path> all;
        try (var walk = Files.walk(root)) {
            all = walk.toList();
        }
        for (Path p : all) {
            Files.getFileAttributeView(p, java.nio.file.attribute.BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                    .setTimes(null, OLD, null);
        }
        Path rules = Files.writeString(dir.resolve("rules.conf"), "N = p+u+g+s+l+sha256\n/ N\n");
        MainTest.Run init = ward("baseline", "init", "--config", rules.toString(), "--db", dir.resolve("base.db").toString(),
                "--root", root.toString(), "-q");
        assertEquals(0, init.status(), init.err());
        MainTest.Run triage = ward("triage", "--root", root.toString(), "--format", "json",
                "-o", dir.resolve("t.json").toString(), "-q");
        assertTrue(triage.status() < 64, triage.err());
        for (Path p : all) {
            FileTime atime = (FileTime) Files.getAttribute(p, "lastAccessTime", LinkOption.NOFOLLOW_LINKS);
            assertEquals(OLD, atime, "the access time of " + root.relativize(p));
        }
    }
}
