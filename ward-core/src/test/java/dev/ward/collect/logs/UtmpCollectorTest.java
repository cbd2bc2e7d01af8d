package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Scan;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import dev.ward.model.UtmpRecord;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wtmp and btmp read from a root: what is wrong with a file is an error naming it and the offset. */
class UtmpCollectorTest {
    @TempDir
    Path dir;

    private CollectResult<UtmpRecord> collect(String name, byte[] data) throws Exception {
        Path file = dir.resolve("var/log").resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, data);
        try (HostRoot root = HostRoot.open(dir)) {
            return new UtmpCollector().collect(new Scan(root, InstantSource.system()));
        }
    }

    /** Three logins written by utmpdump -r, then 100 bytes of a fourth: the three are read. */
    @Test
    void lastRecordCutShortIsAnErrorAndTheRecordsBeforeItAreKept() throws Exception {
        ByteArrayOutputStream w = new ByteArrayOutputStream();
        w.writeBytes(UtmpParserTest.utmpdumpReverse("""
                [7] [00001] [ts/0] [root    ] [pts/0       ] [203.0.113.1   ] [0.0.0.0        ] [2026-11-20T03:16:31,000000+00:00]
                [7] [00002] [ts/1] [alice   ] [pts/1       ] [203.0.113.2   ] [0.0.0.0        ] [2026-11-20T03:17:31,000000+00:00]
                [8] [00001] [ts/0] [        ] [pts/0       ] [              ] [0.0.0.0        ] [2026-11-20T03:18:31,000000+00:00]
                """));
        w.write(new byte[100], 0, 100);
        CollectResult<UtmpRecord> r = collect("wtmp", w.toByteArray());
        assertEquals(List.of("root", "alice", ""), r.records().stream().map(UtmpRecord::user).toList());
        assertEquals(List.of(new CollectionError("utmp", "/var/log/wtmp", "offset 1152: record cut short (100 of 384 bytes)")),
                r.errors());
    }

    /** An image's wtmp linked elsewhere in it is read there; one leading to a FIFO is an error, not a wait. */
    @Test
    void linksAreFollowedInsideTheRootAndAFifoIsRefused() throws Exception {
        byte[] logins = UtmpParserTest.utmpdumpReverse("""
                [7] [00001] [ts/0] [root    ] [pts/0       ] [203.0.113.1   ] [0.0.0.0        ] [2026-11-20T03:16:31,000000+00:00]
                """);
        Path kept = Files.createDirectories(dir.resolve("srv/logs")).resolve("wtmp.kept");
        Files.write(kept, logins);
        Files.createDirectories(dir.resolve("var/log"));
        Files.createSymbolicLink(dir.resolve("var/log/wtmp"), Path.of("/srv/logs/wtmp.kept")); // absolute: inside the image
        assertEquals(0, new ProcessBuilder("mkfifo", dir.resolve("var/log/btmp").toString()).start().waitFor());
        CollectResult<UtmpRecord> r;
        try (HostRoot root = HostRoot.open(dir)) {
            r = new UtmpCollector().collect(new Scan(root, InstantSource.system()));
        }
        assertEquals(List.of("root"), r.records().stream().map(UtmpRecord::user).toList());
        assertEquals(List.of(new CollectionError("utmp", "/var/log/btmp", "not a regular file (a FIFO)")), r.errors());
    }
}
