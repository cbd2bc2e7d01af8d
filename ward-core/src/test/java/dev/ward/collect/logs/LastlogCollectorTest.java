package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.Scan;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import dev.ward.model.LastLogin;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class LastlogCollectorTest {
    @TempDir
    Path dir;

    /**
     * A lastlog file in glibc's layout ({@code struct lastlog}: the time, 32 bytes of line, 256 of
     * host), {@code record} bytes a record: 292 with a 32-bit time, 296 with a 64-bit one. Takes
     * pairs of a login and its uid.
     */
    public static byte[] lastlog(int record, Object... loginsAndUids) {
        int top = 0;
        for (int i = 1; i < loginsAndUids.length; i += 2) {
            top = Math.max(top, (Integer) loginsAndUids[i]);
        }
        ByteBuffer b = ByteBuffer.allocate((top + 1) * record).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < loginsAndUids.length; i += 2) {
            LastLogin l = (LastLogin) loginsAndUids[i];
            int at = (Integer) loginsAndUids[i + 1] * record;
            int time = record - 288;
            if (time == 4) {
                b.putInt(at, (int) l.time().getEpochSecond());
            } else {
                b.putLong(at, l.time().getEpochSecond());
            }
            b.put(at + time, l.line().getBytes(StandardCharsets.UTF_8));
            b.put(at + time + 32, l.host().getBytes(StandardCharsets.UTF_8));
        }
        return b.array();
    }

    @Test
    void bothLayoutsByUid() {
        Instant t = Instant.parse("2026-11-20T03:00:01Z");
        for (int record : List.of(292, 296)) {
            byte[] data = lastlog(record, new LastLogin("", t, "pts/3", "198.51.100.7", ""), 1001);
            LastlogParser.Result read = LastlogParser.parse(data, data.length,
                    new TreeMap<>(Map.of(0L, "root", 1001L, "bob", 65534L, "nobody")));
            assertEquals(record, read.record());
            assertEquals(List.of(new LastLogin("bob", t, "pts/3", "198.51.100.7", "/var/log/lastlog")), read.logins(),
                    record + "-byte records: root never logged in, nobody's uid is past the file's end");
            assertEquals(List.of(), read.problems());
        }
    }

    /** alice's record cut short by the file's end: an error naming the offset; root's record is read. */
    @Test
    void recordCutShortIsAnError() throws Exception {
        Instant t = Instant.parse("2026-11-20T03:00:01Z");
        byte[] whole = lastlog(292, new LastLogin("", t, "tty1", "", ""), 0, new LastLogin("", t, "pts/0", "198.51.100.7", ""), 1000);
        Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("var/log"));
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/bash\n");
        Files.write(dir.resolve("var/log/lastlog"), java.util.Arrays.copyOf(whole, 1000 * 292 + 100));
        try (HostRoot root = HostRoot.open(dir)) {
            var r = new LastlogCollector().collect(new Scan(root, InstantSource.system()));
            assertEquals(List.of(new LastLogin("root", t, "tty1", "", "/var/log/lastlog")), r.records());
            assertEquals(List.of(new CollectionError("lastlog", "/var/log/lastlog", "offset 292000: record cut short (100 of 292 bytes)")),
                    r.errors());
        }
    }

    /** lastlog(8) itself sets bob's record (-S: now, from "localhost" on "lastlog") in a root it chroots into. */
    @Test
    @Tag("root")
    void writtenByLastlog() throws Exception {
        Files.createDirectories(dir.resolve("etc"));
        Files.createDirectories(dir.resolve("var/log"));
        Files.writeString(dir.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/bash\nbob:x:1000:1000::/home/bob:/bin/bash\n");
        Files.createFile(dir.resolve("var/log/lastlog"));
        Process p = new ProcessBuilder("lastlog", "-R", dir.toString(), "-S", "-u", "bob").inheritIO().start();
        assertEquals(0, p.waitFor());
        try (HostRoot root = HostRoot.open(dir)) {
            List<LastLogin> read = new LastlogCollector().collect(new Scan(root, InstantSource.system())).records();
            assertEquals(1, read.size());
            LastLogin bob = read.getFirst();
            assertEquals(List.of("bob", "lastlog", "localhost"), List.of(bob.user(), bob.line(), bob.host()));
            assertTrue(Duration.between(bob.time(), Instant.now()).abs().getSeconds() < 60, bob.time().toString());
        }
    }
}
