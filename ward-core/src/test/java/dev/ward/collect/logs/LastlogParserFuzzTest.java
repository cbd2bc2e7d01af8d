package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Fuzz;
import dev.ward.model.LastLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lastlog's parser on 120,000 inputs mutated from real files: lastlog(8) itself sets the records of
 * system and human users (-S, in a root it chroots into: 292-byte records on x86-64), and a file of
 * 296-byte records (64-bit times, as aarch64 writes) is built as glibc's struct lastlog lays it out.
 * Each input returns within two seconds, throwing nothing (bad input is a problem), with the record
 * size and the logins of the records before the damage.
 */
@Tag("root")
class LastlogParserFuzzTest {
    private static final int INPUTS = 120_000;
    private static final TreeMap<Long, String> NAMES = new TreeMap<>(Map.of(0L, "root", 1L, "daemon", 2L, "bin", 3L, "sys",
            1000L, "alice", 1001L, "bob", 1002L, "carol", 65534L, "nobody"));

    @TempDir
    Path dir;

    /** A seed, and where its mutations start: the records before are compared. */
    private record Seed(byte[] data, int from) {
    }

    /** The lastlog that lastlog(8) -S leaves in a root of its own after setting each user's record. */
    private byte[] writtenByLastlog(String... users) throws Exception {
        Path root = Files.createTempDirectory(dir, "root");
        Files.createDirectories(root.resolve("etc"));
        Files.createDirectories(root.resolve("var/log"));
        StringBuilder passwd = new StringBuilder();
        NAMES.forEach((uid, name) -> passwd.append(name).append(":x:").append(uid).append(':').append(uid)
                .append("::/home/").append(name).append(":/bin/sh\n"));
        Files.writeString(root.resolve("etc/passwd"), passwd);
        Files.createFile(root.resolve("var/log/lastlog"));
        for (String user : users) {
            Process p = new ProcessBuilder("lastlog", "-R", root.toString(), "-S", "-u", user).inheritIO().start();
            assertEquals(0, p.waitFor());
        }
        return Files.readAllBytes(root.resolve("var/log/lastlog"));
    }

    /** Mutations of the small files reach every record but root's; of the large one, alice's and on. */
    private List<Seed> seeds() throws Exception {
        byte[] system = writtenByLastlog("root", "daemon", "sys");
        byte[] users = writtenByLastlog("root", "alice", "carol");
        assertEquals(List.of(4 * 292, 1003 * 292), List.of(system.length, users.length));
        Instant t = Instant.parse("2026-11-20T03:00:01Z");
        byte[] wide = LastlogCollectorTest.lastlog(296, new LastLogin("", t, "pts/0", "198.51.100.7", ""), 0,
                new LastLogin("", t.plusSeconds(60), "pts/1", "2001:db8::7", ""), 1,
                new LastLogin("", t.plusSeconds(120), "tty1", "", ""), 3);
        return List.of(new Seed(system, 292), new Seed(users, 1000 * 292), new Seed(wide, 296), new Seed(wide, 2 * 296));
    }

    @Test
    void mutatedFilesKeepTheRecordsBeforeTheDamage() throws Exception {
        List<Seed> seeds = seeds();
        int each = INPUTS / seeds.size();
        long start = System.nanoTime();
        for (int s = 0; s < seeds.size(); s++) {
            Seed seed = seeds.get(s);
            LastlogParser.Result whole = LastlogParser.parse(seed.data(), seed.data().length, NAMES);
            assertEquals(List.of(), whole.problems());
            List<LastLogin> first = before(whole, seed.from());
            assertTrue(!first.isEmpty(), "root's record comes before the damage");
            Fuzz.run("lastlog-" + s, List.of(seed.data()), seed.from(), each, s, Duration.ofSeconds(2), Set.of(), input -> {
                LastlogParser.Result r = LastlogParser.parse(input, input.length, NAMES);
                assertEquals(whole.record(), r.record(), "the record size told by the undamaged records");
                assertEquals(first, before(r, seed.from()));
            });
        }
        System.out.printf("lastlog: %d inputs from %d seeds in %.1f s%n", each * seeds.size(), seeds.size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The logins whose records end before {@code from}. */
    private static List<LastLogin> before(LastlogParser.Result r, int from) {
        List<LastLogin> out = new ArrayList<>();
        for (LastLogin l : r.logins()) {
            long uid = NAMES.entrySet().stream().filter(e -> e.getValue().equals(l.user())).findFirst().orElseThrow().getKey();
            if ((uid + 1) * r.record() <= from) {
                out.add(l);
            }
        }
        return out;
    }
}
