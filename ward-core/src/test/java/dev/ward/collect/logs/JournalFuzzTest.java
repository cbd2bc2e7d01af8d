package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.Fuzz;
import dev.ward.model.LogEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * journalctl's JSON lines, as {@link Journal} reads them ({@link LineSplitter}, {@link JournalEntry},
 * the messages' parsers), mutated: no exception, a bounded time per input, and the entries before
 * the damage read as from the undamaged output. The seeds are real: Loghub's OpenSSH log written
 * into a journal by systemd-journal-remote (a few messages with binary and escaped bytes) and read
 * back by journalctl with the arguments {@link Journal} gives it.
 */
class JournalFuzzTest {
    static final Path OPENSSH = SshdMessagesTest.LOGHUB.resolve("OpenSSH_2k.log");
    static final int INPUTS = 100_000;
    private static final Pattern SYSLOG = Pattern.compile("(\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d) (\\S+) ([\\w-]+)\\[(\\d+)\\]: (.*)");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy MMM ppd HH:mm:ss", Locale.ROOT);

    @TempDir
    Path dir;

    @Test
    void journalctlOutput() throws Exception {
        assumeTrue(Files.isExecutable(JournalTest.REMOTE) && Files.isExecutable(Path.of("/usr/bin/journalctl")),
                "systemd-journal-remote and journalctl are not installed (apt-get install systemd-journal-remote)");
        assumeTrue(Files.isRegularFile(OPENSSH), "no ../shared/datasets/logs: skipped");
        List<byte[]> seeds = seeds(journalctl(export(Files.readAllLines(OPENSSH))), 8);
        int from = seeds.stream().mapToInt(s -> afterLines(s, 3)).min().orElseThrow();
        Map<ByteBuffer, List<LogEvent>> before = new HashMap<>();
        long entriesBefore = 0;
        for (byte[] s : seeds) {
            List<LogEvent> events = events(Arrays.copyOf(s, lastLineEnd(s, from)));
            before.put(ByteBuffer.wrap(Arrays.copyOf(s, from)), events);
            entriesBefore += events.size();
        }
        assertTrue(entriesBefore > seeds.size() / 2, "too few events before the damage to compare: " + entriesBefore);
        Fuzz.run("journal-json", seeds, from, INPUTS, 20261208L, Duration.ofSeconds(2), Set.of(), input -> {
            List<LogEvent> expected = before.get(ByteBuffer.wrap(Arrays.copyOf(input, from)));
            List<LogEvent> events = events(input);
            assertTrue(events.size() >= expected.size(), "entries before the damage lost");
            assertEquals(expected, events.subList(0, expected.size()));
        });
    }

    private static List<LogEvent> events(byte[] json) throws Exception {
        List<LogEvent> out = new ArrayList<>();
        new LineSplitter().split(new ByteArrayInputStream(json), new Journal.Entries("journal", out::add, new Rhythm("journal")));
        return out;
    }

    /** The log's lines as journald's export format; every 40th message with a byte that is not UTF-8, or escaped in JSON. */
    private static byte[] export(List<String> lines) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SYSLOG.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            long micros = LocalDateTime.parse("2015 " + m.group(1), TIME).toEpochSecond(ZoneOffset.UTC) * 1_000_000 + i;
            out.writeBytes(("__REALTIME_TIMESTAMP=" + micros + "\n__MONOTONIC_TIMESTAMP=" + micros + "\n_BOOT_ID="
                    + JournalTest.MACHINE + "\n_HOSTNAME=" + m.group(2) + "\nSYSLOG_IDENTIFIER=" + m.group(3) + "\n_PID="
                    + m.group(4) + "\n").getBytes(StandardCharsets.UTF_8));
            byte[] message = (i % 40 == 1 ? m.group(5) + " \"caf\u00e9\"\t\\\u0001" : m.group(5)).getBytes(StandardCharsets.UTF_8);
            if (i % 40 == 0) { // a field that is not text goes in binary form, and comes out as an array of bytes
                message = Arrays.copyOf(message, message.length + 1);
                message[message.length - 1] = (byte) 0xff;
                out.writeBytes("MESSAGE\n".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(message.length).array());
                out.writeBytes(message);
                out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                out.writeBytes("MESSAGE=".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(message);
                out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    /** The export written into a journal by systemd-journal-remote and read back as {@link Journal} reads it. */
    private byte[] journalctl(byte[] export) throws Exception {
        Path journal = Files.createDirectories(dir.resolve(JournalTest.MACHINE)).resolve("system.journal");
        Process remote = new ProcessBuilder(JournalTest.REMOTE.toString(), "-o", journal.toString(), "-")
                .redirectErrorStream(true).start();
        try (OutputStream in = remote.getOutputStream()) {
            in.write(export);
        }
        String log = new String(remote.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, remote.waitFor(), log);
        Process p = new ProcessBuilder("journalctl", "--directory", dir.toString(), "-o", "json",
                "--output-fields=" + JournalEntry.FIELDS, "--all", "--no-pager", "--quiet").start();
        byte[] json = p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        return json;
    }

    /** The output in pieces of {@code lines} lines. */
    private static List<byte[]> seeds(byte[] json, int lines) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        int seen = 0;
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '\n' && ++seen % lines == 0 || i == json.length - 1) {
                out.add(Arrays.copyOfRange(json, start, i + 1));
                start = i + 1;
            }
        }
        return out;
    }

    /** The offset after the {@code n}th newline, or the length. */
    private static int afterLines(byte[] b, int n) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && --n == 0) {
                return i + 1;
            }
        }
        return b.length;
    }

    /** The offset after the last newline before {@code end}. */
    private static int lastLineEnd(byte[] b, int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (b[i] == '\n') {
                return i + 1;
            }
        }
        return 0;
    }
}
