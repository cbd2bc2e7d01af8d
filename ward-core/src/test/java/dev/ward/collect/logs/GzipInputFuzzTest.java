package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.Fuzz;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotated logs compressed by gzip(1), mutated after their first {@value #FROM} bytes and read as
 * {@link LogFiles} reads a .gz: nothing thrown but {@link GzipInput}'s error, which names an
 * offset in the file; a bounded time per input; and the lines decompressed from the undamaged
 * bytes read as from the undamaged file.
 */
class GzipInputFuzzTest {
    static final Path LOGS = Path.of("../../shared/datasets/logs");
    static final int FROM = 1000;
    static final int INPUTS = 100_000;

    @TempDir
    Path dir;

    @Test
    void rotatedLogs() throws Exception {
        assumeTrue(Files.isDirectory(LOGS), "no ../shared/datasets/logs: skipped");
        List<byte[]> seeds = new ArrayList<>();
        for (String log : List.of("loghub/OpenSSH/OpenSSH_2k.log", "loghub/Linux/Linux_2k.log",
                "loghub/Apache/Apache_2k.log", "elastic-examples/auth.log", "plaso/apt_history.log")) {
            Path part = dir.resolve(Path.of(log).getFileName());
            byte[] text = Files.readAllBytes(LOGS.resolve(log));
            Files.write(part, Arrays.copyOf(text, Math.min(text.length, 16 * 1024)));
            Files.setLastModifiedTime(part, FileTime.from(Instant.parse("2026-12-08T00:00:00Z"))); // in the header
            seeds.add(gzip("-c", part.toString())); // with the file's name in the header
            seeds.add(gzip("-1", "-n", "-c", part.toString()));
        }
        byte[] two = Arrays.copyOf(seeds.get(0), seeds.get(0).length + seeds.get(3).length); // two members
        System.arraycopy(seeds.get(3), 0, two, seeds.get(0).length, seeds.get(3).length);
        seeds.add(two);
        Map<ByteBuffer, List<String>> before = new HashMap<>();
        for (byte[] s : seeds) {
            before.put(ByteBuffer.wrap(Arrays.copyOf(s, FROM)), lines(Arrays.copyOf(s, FROM)));
            assertTrue(before.get(ByteBuffer.wrap(Arrays.copyOf(s, FROM))).size() > 5, "too few lines before the damage: " + before.get(ByteBuffer.wrap(Arrays.copyOf(s, FROM))));
        }
        Fuzz.run("gzip", seeds, FROM, INPUTS, 20261208L, Duration.ofSeconds(2), Set.of(), input -> {
            List<String> expected = before.get(ByteBuffer.wrap(Arrays.copyOf(input, FROM)));
            List<String> lines = lines(input);
            assertTrue(lines.size() >= expected.size(), "lines before the damage lost");
            assertEquals(expected, lines.subList(0, expected.size()));
        });
    }

    /** The lines read from {@code gz} up to its end or the error, which must name an offset within it. */
    private static List<String> lines(byte[] gz) throws Exception {
        List<String> out = new ArrayList<>();
        try (GzipInput in = new GzipInput(new ByteArrayInputStream(gz), gz.length)) {
            new LineSplitter().split(in, (line, n) -> out.add(line));
        } catch (IOException e) {
            String m = e.getMessage();
            assertTrue(m.matches("offset \\d+: [^\\n]+"), m);
            assertTrue(Long.parseLong(m.substring(7, m.indexOf(':'))) <= gz.length, m);
        }
        return out;
    }

    private static byte[] gzip(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("gzip"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        return out;
    }
}
