package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ward.detect.Results;
import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zeroed wtmp and btmp: each run of consecutive records of zero bytes is one finding, whether its
 * zeros were written (dd, a log cleaner) or are a sparse file's holes (truncate -s), which are not
 * read. The times are guards against a hang only: the test output reports what the runs took.
 */
class UtmpZeroedTest {
    private static final Duration GUARD = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path btmp() throws Exception {
        Path log = dir.resolve("var/log");
        Files.createDirectories(log);
        return log.resolve("btmp");
    }

    private Results detect(Path file) {
        long start = System.nanoTime();
        Results out = assertTimeoutPreemptively(GUARD, () -> TestRoot.run(dir, new UtmpDetector()));
        System.out.printf("%s of %d bytes: %.3f s%n", dir.relativize(file), file.toFile().length(),
                (System.nanoTime() - start) / 1e9);
        return out;
    }

    private static List<Finding> zeroed(Results r) {
        return r.findings().stream().filter(f -> f.check().equals("linux.logs.utmp_zeroed_record")).toList();
    }

    /** "first_byte last_byte records after before" of a finding. */
    private static String span(Finding f) {
        var e = f.evidence();
        return e.get("first_byte") + " " + e.get("last_byte") + " " + e.get("records") + " " + e.get("after") + " "
                + e.get("before");
    }

    private static void truncate(Path file, String size) throws Exception {
        assertEquals(0, new ProcessBuilder("truncate", "-s", size, file.toString()).inheritIO().start().waitFor());
    }

    /** 100 MiB of holes: 262,144 records of 400 bytes (the size divides by 400, not by 384). */
    @Test
    void sparseHundredMegabytesIsOneFinding() throws Exception {
        truncate(btmp(), "100M");
        Results r = detect(btmp());
        assertEquals(List.of("0 104857599 262144 ? ?"), zeroed(r).stream().map(UtmpZeroedTest::span).toList());
        assertEquals(List.of(), r.errors());
        assertEquals("/var/log/btmp has 262144 consecutive records of zero bytes, bytes 0 to 104857599, between ? and ?",
                zeroed(r).getFirst().summary());
    }

    /** 20 GiB of holes: 55,924,053 records of 384 bytes and 128 bytes of a record cut short. */
    @Test
    void sparseTwentyGigabytesIsOneFindingReadInBoundedTime() throws Exception {
        truncate(btmp(), "20G");
        Results r = detect(btmp());
        assertEquals(List.of("0 21474836351 55924053 ? ?"), zeroed(r).stream().map(UtmpZeroedTest::span).toList());
        assertEquals(List.of(new CollectionError("utmp", "/var/log/btmp", "offset 21474836352: record cut short (128 of 384 bytes)")),
                r.errors());
    }

    /** 100 MiB of zeros written by dd, stored on disk: read through, in bounded memory, as one run. */
    @Test
    void writtenZerosAreOneFinding() throws Exception {
        Path btmp = btmp();
        Process dd = new ProcessBuilder("dd", "if=/dev/zero", "of=" + btmp, "bs=1M", "count=100", "status=none").inheritIO().start();
        assertEquals(0, dd.waitFor());
        Results r = detect(btmp);
        assertEquals(List.of("0 104857599 262144 ? ?"), zeroed(r).stream().map(UtmpZeroedTest::span).toList());
    }

    /**
     * Logins written by utmpdump -r, three records zeroed in place after the first, and a hundred
     * more left as a hole (written past the end, as a cleaner that seeks over records does) before
     * the last two: two runs, each with the logins on either side.
     */
    @Test
    void runsAmidRecordsNameTheirNeighbours() throws Exception {
        Path wtmp = btmp().resolveSibling("wtmp");
        byte[] first = UtmpDetectorTest.utmp(UtmpDetectorTest.login("alice", "198.51.100.7", "2026-11-20T03:00:01"));
        byte[] middle = UtmpDetectorTest.utmp(UtmpDetectorTest.login("bob", "198.51.100.8", "2026-11-20T09:00:01")
                + UtmpDetectorTest.login("carol", "198.51.100.9", "2026-11-20T10:00:00"));
        byte[] last = UtmpDetectorTest.utmp(UtmpDetectorTest.login("dave", "198.51.100.10", "2026-11-20T11:00:00")
                + UtmpDetectorTest.login("erin", "198.51.100.11", "2026-11-20T12:00:00"));
        try (FileChannel ch = FileChannel.open(wtmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(first), 0);
            ch.write(ByteBuffer.allocate(3 * 384), 384);
            ch.write(ByteBuffer.wrap(middle), 4 * 384);
            ch.write(ByteBuffer.wrap(last), 106 * 384);
        }
        assertEquals(108 * 384, wtmp.toFile().length());
        Results r = detect(wtmp);
        assertEquals(List.of("384 1535 3 2026-11-20T03:00:01Z 2026-11-20T09:00:01Z",
                        "2304 40703 100 2026-11-20T10:00:00Z 2026-11-20T11:00:00Z"),
                zeroed(r).stream().map(UtmpZeroedTest::span).toList());
        assertEquals("/var/log/wtmp has 3 consecutive records of zero bytes, bytes 384 to 1535, between "
                + "2026-11-20T03:00:01Z and 2026-11-20T09:00:01Z", zeroed(r).getFirst().summary());
        assertEquals(List.of(), r.errors());
    }
}
