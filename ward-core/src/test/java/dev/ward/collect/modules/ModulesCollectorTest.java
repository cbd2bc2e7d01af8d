package dev.ward.collect.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Scan;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModulesCollectorTest {
    @TempDir
    Path dir;

    @Test
    void mergedUsrModuleTreeIsWalkedOnce() throws Exception {
        Files.createDirectories(dir.resolve("usr/lib/modules/6.1.0-13-amd64"));
        Files.createSymbolicLink(dir.resolve("lib"), Path.of("usr/lib"));
        try (HostRoot root = HostRoot.open(dir)) {
            List<CollectionError> errors = new ArrayList<>();
            assertEquals(List.of(HostPath.of("/lib/modules")), ModulesCollector.distinctStarts(
                    new Scan(root, InstantSource.system()), List.of("/lib/modules", "/usr/lib/modules"), errors));
            assertEquals(List.of(), errors);
        }
    }

    @Test
    void separateTreesAreBothWalked() throws Exception {
        Files.createDirectories(dir.resolve("usr/lib/modules/6.1.0-13-amd64"));
        Files.createDirectories(dir.resolve("lib/modules/5.10.0-9-amd64"));
        try (HostRoot root = HostRoot.open(dir)) {
            assertEquals(List.of(HostPath.of("/lib/modules"), HostPath.of("/usr/lib/modules")),
                    ModulesCollector.distinctStarts(new Scan(root, InstantSource.system()),
                            List.of("/lib/modules", "/usr/lib/modules", "/nowhere"), new ArrayList<>()));
        }
    }
}
