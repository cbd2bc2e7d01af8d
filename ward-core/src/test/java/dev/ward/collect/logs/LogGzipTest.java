package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.Scan;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** gzip rotations that expand without end or are damaged: an error naming the file and offset, the lines before it read. */
@Timeout(60)
class LogGzipTest {
    static final int LINES = 50;

    @TempDir
    Path dir;

    /** {@code text} compressed by gzip(1). */
    static byte[] gzip(String text) throws Exception {
        Process p = new ProcessBuilder("gzip", "-c").start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        return out;
    }

    private LoginLedger read(Map<String, byte[]> files) throws Exception {
        for (var f : files.entrySet()) {
            Path p = dir.resolve(f.getKey().substring(1));
            Files.createDirectories(p.getParent());
            Files.write(p, f.getValue());
        }
        try (HostRoot root = HostRoot.open(dir)) {
            return LoginLedger.of(new Scan(root, InstantSource.system()), new AuthLogCollector());
        }
    }

    private static String failures() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= LINES; i++) {
            b.append("Nov 20 04:00:00 web1 sshd[100]: Failed password for root from 192.0.2.").append(i).append(" port 1 ssh2\n");
        }
        return b.toString();
    }

    /**
     * 4 GiB of zeros in 4 MB: gzip(1)'s member of 64 MiB, 64 times over (a gzip file is a series of
     * members). It is read up to a hundred times its size, its one line cut, and the current log still read.
     */
    @Test
    void aBombStopsAtTheLimit() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "head -c 64M /dev/zero | gzip").start();
        byte[] member = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        for (int i = 0; i < 64; i++) {
            bomb.write(member);
        }
        LoginLedger ledger = read(Map.of("/var/log/auth.log.2.gz", bomb.toByteArray(),
                "/var/log/auth.log", failures().getBytes(StandardCharsets.UTF_8)));
        assertEquals(LINES, ledger.failuresBySource().size());
        List<CollectionError> errors = ledger.errors();
        assertEquals(2, errors.size(), errors.toString());
        assertEquals(new CollectionError("logins", "/var/log/auth.log.2.gz",
                "offset 0 of the decompressed text: line longer than 65536 bytes, cut to that (1 such line)"), errors.get(0));
        assertEquals("/var/log/auth.log.2.gz", errors.get(1).path());
        assertTrue(errors.get(1).message().matches("offset \\d+: decompresses to more than " + 100L * bomb.size()
                + " bytes \\(100 times its size\\), the rest not read"), errors.get(1).message());
    }

    /** A small file may expand to 64 MiB, whatever its size: 100 MiB of zeros in 100 KB stop there. */
    @Test
    void aSmallBombStopsAtTheFloor() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "head -c 100M /dev/zero | gzip").start();
        byte[] bomb = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        List<CollectionError> errors = read(Map.of("/var/log/auth.log.2.gz", bomb)).errors();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(1).message().matches("offset \\d+: decompresses to more than 67108864 bytes \\(the limit for "
                + "a small file\\), the rest not read"), errors.get(1).message());
    }

    /** The damaged file alone: {@code linesRead} lines read, the first ones, and one error. */
    private void damaged(byte[] gz, int linesRead, String error) throws Exception {
        LoginLedger ledger = read(Map.of("/var/log/auth.log.1.gz", gz));
        assertEquals(List.of(new CollectionError("logins", "/var/log/auth.log.1.gz", error)), ledger.errors());
        assertEquals(linesRead, ledger.failuresBySource().size(), ledger.failuresBySource().toString());
        for (int i = 1; i <= linesRead; i++) {
            assertTrue(ledger.failuresBySource().containsKey("192.0.2." + i), i + ": " + ledger.failuresBySource());
        }
    }

    @Test
    void aBadHeader() throws Exception {
        byte[] gz = gzip(failures());
        gz[1] = 0x42;
        damaged(gz, 0, "offset 0: not gzip data");
    }

    @Test
    void aCrcThatDoesNotMatch() throws Exception {
        byte[] gz = gzip(failures());
        gz[gz.length - 8] ^= 1;
        damaged(gz, LINES, "offset " + (gz.length - 8) + ": CRC-32 of the gzip member does not match its data");
    }

    /** The lines whole before the cut are read. */
    @Test
    void cutShort() throws Exception {
        byte[] whole = gzip(failures());
        byte[] gz = Arrays.copyOf(whole, whole.length / 2);
        LoginLedger ledger = read(Map.of("/var/log/auth.log.1.gz", gz));
        assertEquals(List.of(new CollectionError("logins", "/var/log/auth.log.1.gz", "offset " + gz.length
                + ": cut short in a gzip member")), ledger.errors());
        int read = ledger.failuresBySource().size();
        assertTrue(read > 0 && read < LINES, "lines read: " + read);
        for (int i = 1; i <= read; i++) {
            assertTrue(ledger.failuresBySource().containsKey("192.0.2." + i), i + ": " + ledger.failuresBySource());
        }
    }

    @Test
    void dataAfterTheLastMember() throws Exception {
        byte[] gz = gzip(failures());
        byte[] junk = Arrays.copyOf(gz, gz.length + 5);
        System.arraycopy("junk\n".getBytes(StandardCharsets.US_ASCII), 0, junk, gz.length, 5);
        damaged(junk, LINES, "offset " + gz.length + ": data after the last gzip member, not read");
    }

    @Test
    void anEmptyFile() throws Exception {
        damaged(new byte[0], 0, "offset 0: cut short in a gzip header");
    }
}
