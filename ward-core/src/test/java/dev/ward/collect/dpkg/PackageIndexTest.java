package dev.ward.collect.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageIndexTest {
    @TempDir
    Path dir;

    @Test
    void listsAreReadAsBytesWithMergedUsrAliases() throws Exception {
        Path info = Files.createDirectories(dir.resolve("var/lib/dpkg/info"));
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        list.writeBytes("/.\n/bin\n/bin/ls\n/usr/lib/systemd/system/system-systemd\\x2dcryptsetup.slice\n/a\n"
                .getBytes(StandardCharsets.UTF_8));
        list.writeBytes(new byte[] {'/', 'o', 'p', 't', '/', (byte) 0xff, '\n'});
        Files.write(info.resolve("coreutils:amd64.list"), list.toByteArray());
        Files.writeString(info.resolve("coreutils:amd64.md5sums"), "not a list\n");
        try (HostRoot root = HostRoot.open(dir)) {
            PackageIndex index = PackageIndex.load(root);
            assertTrue(index.isPresent());
            assertEquals(Optional.of("coreutils"), index.owner(HostPath.of("/bin/ls")));
            assertEquals(Optional.of("coreutils"), index.owner(HostPath.of("/usr/bin/ls")), "merged /usr");
            assertTrue(index.owns(HostPath.of("/usr/lib/systemd/system/system-systemd\\x2dcryptsetup.slice")),
                    "a literal backslash in a name stays a backslash");
            assertFalse(index.owns(HostPath.of("/usr/lib/systemd/system/system-systemd-cryptsetup.slice")));
            assertTrue(index.owns(HostPath.ofBytes(new byte[] {'/', 'o', 'p', 't', '/', (byte) 0xff})));
            assertTrue(index.owns(HostPath.of("/a")));
            assertFalse(index.owns(HostPath.of("/.")));
            assertFalse(index.owns(HostPath.of("/usr/bin/cat")));
        }
    }

    @Test
    void noDatabaseMeansNotPresent() throws Exception {
        try (HostRoot root = HostRoot.open(dir)) {
            PackageIndex index = PackageIndex.load(root);
            assertFalse(index.isPresent());
            assertTrue(index.errors().isEmpty());
        }
    }
}
