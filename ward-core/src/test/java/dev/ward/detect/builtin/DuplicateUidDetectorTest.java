package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Scan;
import dev.ward.detect.Results;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateUidDetectorTest {
    @TempDir
    Path dir;

    private List<Finding> run(String passwd) throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/passwd"), passwd);
        Files.writeString(dir.resolve("etc/shadow"), "");
        try (HostRoot root = HostRoot.open(dir)) {
            Results out = new Results();
            new DuplicateUidDetector().detect(new Scan(root, InstantSource.system()), out);
            return out.findings();
        }
    }

    @Test
    void twoNamesForOneUidAreReported() throws Exception {
        List<Finding> f = run("""
                root:x:0:0::/root:/bin/bash
                toor:x:0:0::/root:/bin/bash
                alice:x:1000:1000::/home/alice:/bin/bash
                backup2:x:1000:1000::/home/alice:/bin/bash
                """);
        assertEquals(1, f.size(), "uid 0 is left to its own check");
        assertEquals(Severity.HIGH, f.getFirst().severity());
        assertEquals(List.of("alice", "backup2"), f.getFirst().evidence().get("accounts"));
        assertEquals(List.of("/etc/passwd"), f.getFirst().paths());
    }

    @Test
    void distinctUidsAreQuiet() throws Exception {
        assertEquals(List.of(), run("root:x:0:0::/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n"));
    }
}
