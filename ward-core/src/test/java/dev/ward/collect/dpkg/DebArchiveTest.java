package dev.ward.collect.dpkg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.host.HostRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages built by dpkg-deb itself, in each compression it writes that ward reads. */
class DebArchiveTest {
    @TempDir
    Path dir;

    /** Builds tool_1:2.0-1_all.deb holding /etc/tool.conf and /usr/bin/tool; returns its bytes. */
    private byte[] build(String compression) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg-deb")), "dpkg-deb is not installed");
        Path pkg = dir.resolve("pkg");
        Files.createDirectories(pkg.resolve("DEBIAN"));
        Files.createDirectories(pkg.resolve("etc"));
        Files.createDirectories(pkg.resolve("usr/bin"));
        Files.writeString(pkg.resolve("DEBIAN/control"), """
                Package: tool
                Version: 1:2.0-1
                Architecture: all
                Maintainer: Test <test@example.org>
                Description: a test package
                """);
        Files.writeString(pkg.resolve("etc/tool.conf"), "port = 22\nuser = nobody\n");
        Files.writeString(pkg.resolve("usr/bin/tool"), "#!/bin/sh\necho tool\n");
        Path deb = dir.resolve("tool.deb");
        Process p = new ProcessBuilder("dpkg-deb", "--root-owner-group", "-Z" + compression, "--build", pkg.toString(),
                deb.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        return Files.readAllBytes(deb);
    }

    @ParameterizedTest
    @ValueSource(strings = {"xz", "gzip", "none"})
    void readsAFileOutOfThePackagesData(String compression) throws Exception {
        byte[] deb = build(compression);
        assertArrayEquals("port = 22\nuser = nobody\n".getBytes(), DebArchive.file(deb, "/etc/tool.conf").orElseThrow());
        assertEquals(Optional.empty(), DebArchive.file(deb, "/etc/other.conf"));
    }

    @Test
    void notAPackageIsAnError() {
        IOException e = assertThrows(IOException.class, () -> DebArchive.file("hello".getBytes(), "/etc/x"));
        assertEquals("not a Debian package (no ar header)", e.getMessage());
    }

    @Test
    void packagedCopyOnlyWhenItIsTheRecordedVersion() throws Exception {
        byte[] deb = build("xz");
        Path archives = Files.createDirectories(dir.resolve("root/var/cache/apt/archives"));
        Files.write(archives.resolve("tool_1%3a2.0-1_all.deb"), deb);
        String md5 = PackageFilesCollectorTest.md5("port = 22\nuser = nobody\n");
        try (HostRoot root = HostRoot.open(dir.resolve("root"))) {
            assertEquals("port = 22\nuser = nobody\n",
                    new String(PackagedCopy.of(root, "tool", "1:2.0-1", "all", "/etc/tool.conf", md5).orElseThrow()));
            assertEquals(Optional.empty(), PackagedCopy.of(root, "tool", "1:2.0-1", "all", "/etc/tool.conf",
                    PackageFilesCollectorTest.md5("other")), "another version's bytes are not the original");
            assertEquals(Optional.empty(), PackagedCopy.of(root, "tool", "1:2.1-1", "all", "/etc/tool.conf", md5),
                    "no .deb of that version in the cache");
        }
        Files.write(archives.resolve("tool_1%3a2.0-1_all.deb"), List.of("!<arch>", "broken"));
        try (HostRoot root = HostRoot.open(dir.resolve("root"))) {
            IOException e = assertThrows(IOException.class,
                    () -> PackagedCopy.of(root, "tool", "1:2.0-1", "all", "/etc/tool.conf", md5));
            assertEquals(true, e.getMessage().startsWith("/var/cache/apt/archives/tool_1%3a2.0-1_all.deb: "), e.getMessage());
        }
    }
}
