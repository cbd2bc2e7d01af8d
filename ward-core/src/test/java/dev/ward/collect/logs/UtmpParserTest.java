package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.model.UtmpRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Records written by util-linux's utmpdump -r, and the real samples of Plaso and GRR read back as utmpdump reads them. */
public class UtmpParserTest {
    static final Path PLASO = Path.of("../../shared/datasets/logs/plaso/utmp");
    static final Path GRR = Path.of("../../shared/datasets/logs/grr");

    @TempDir
    Path dir;

    /**
     * Binary records made by util-linux's utmpdump -r from its text form, written from another
     * thread: a text of many records would fill both pipes.
     */
    public static byte[] utmpdumpReverse(String text) throws Exception {
        Process p = new ProcessBuilder("utmpdump", "-r").start();
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            try (OutputStream in = p.getOutputStream()) {
                in.write(text.getBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        written.join();
        assertEquals(0, p.waitFor());
        return out;
    }

    /** "type user line host time" of each record, as utmpdump prints it, to compare with ours. */
    static List<String> utmpdump(Path file) throws Exception {
        Process p = new ProcessBuilder("utmpdump", file.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> out = new ArrayList<>();
        for (String line : new String(p.getInputStream().readAllBytes()).lines().toList()) {
            String[] f = line.substring(1, line.length() - 1).split("\\] \\[", -1);
            out.add(Integer.parseInt(f[0]) + " " + f[3].strip() + " " + f[4].strip() + " " + f[5].strip() + " "
                    + f[7].replace(',', '.').replace("+00:00", "Z"));
        }
        p.waitFor();
        return out;
    }

    static String brief(UtmpRecord r) {
        String t = r.time() == null ? "1970-01-01T00:00:00.000000Z"
                : r.time().toString().replace("Z", "").concat(r.time().getNano() == 0 ? ".000000Z" : "Z");
        if (r.time() != null && r.time().getNano() != 0) {
            String s = r.time().toString();
            String frac = s.substring(s.indexOf('.') + 1, s.length() - 1);
            t = s.substring(0, s.indexOf('.') + 1) + (frac + "000000").substring(0, 6) + "Z";
        }
        return r.type() + " " + r.user() + " " + r.line() + " " + r.host() + " " + t;
    }

    @Test
    void recordsWrittenByUtmpdump() throws Exception {
        byte[] data = utmpdumpReverse("""
                [2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-26-amd64      ] [0.0.0.0        ] [2026-11-20T03:00:00,000000+00:00]
                [7] [04190] [ts/0] [root    ] [pts/0       ] [203.0.113.45        ] [203.0.113.45   ] [2026-11-20T03:16:31,250000+00:00]
                [8] [04190] [ts/0] [        ] [pts/0       ] [                    ] [0.0.0.0        ] [2026-11-20T03:20:00,000000+00:00]
                """);
        assertEquals(3 * 384, data.length);
        UtmpParser.Result r = UtmpParser.parse(data);
        assertEquals(UtmpLayout.X86_64, r.layout());
        assertEquals(List.of(), r.problems());
        UtmpRecord login = r.records().get(1);
        assertEquals(UtmpRecord.USER_PROCESS, login.type());
        assertEquals("root", login.user());
        assertEquals("pts/0", login.line());
        assertEquals("203.0.113.45", login.host());
        assertEquals(4190, login.pid());
        assertEquals(Instant.parse("2026-11-20T03:16:31.25Z"), login.time());
        assertEquals("6.1.0-26-amd64", r.records().getFirst().host());
        assertEquals(768, r.records().get(2).offset());
    }

    @Test
    void tornLastRecordIsReportedNotFatal() throws Exception {
        byte[] whole = utmpdumpReverse("[7] [00001] [ts/0] [root    ] [pts/0       ] [h] [0.0.0.0        ] [2026-11-20T03:16:31,000000+00:00]\n");
        byte[] torn = java.util.Arrays.copyOf(whole, whole.length + 100);
        UtmpParser.Result r = UtmpParser.parse(torn);
        assertEquals(1, r.records().size());
        assertEquals(List.of("offset 384: record cut short (100 of 384 bytes)"), r.problems());
    }

    /** Past its limit of records the parser keeps no more, says where it stopped, and asks for no more bytes. */
    @Test
    void recordsPastTheLimitAreAProblem() throws Exception {
        byte[] data = utmpdumpReverse(("[7] [00001] [ts/0] [root    ] [pts/0       ] [h] [0.0.0.0        ] "
                + "[2026-11-20T03:16:31,000000+00:00]\n").repeat(3));
        UtmpParser p = new UtmpParser("/var/log/wtmp", data.length, 2);
        assertEquals(false, p.data(java.nio.ByteBuffer.wrap(data)));
        UtmpParser.Result r = p.finish();
        assertEquals(List.of(0L, 384L), r.records().stream().map(UtmpRecord::offset).toList());
        assertEquals(List.of("offset 768: more than 2 records; the rest is not read"), r.problems());
    }

    /** Zeros given as holes and bytes given in pieces of any size read as the same bytes given whole. */
    @Test
    void piecesAndHolesReadAsTheWhole() throws Exception {
        java.io.ByteArrayOutputStream w = new java.io.ByteArrayOutputStream();
        w.writeBytes(utmpdumpReverse("[2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-26-amd64      ] [0.0.0.0        ] "
                + "[2026-11-20T03:00:00,000000+00:00]\n"));
        w.writeBytes(new byte[26 * 384]);
        w.writeBytes(utmpdumpReverse("[7] [00001] [ts/0] [root    ] [pts/0       ] [h] [0.0.0.0        ] "
                + "[2026-11-20T03:16:31,000000+00:00]\n"));
        w.writeBytes(new byte[50]);
        byte[] data = w.toByteArray();
        UtmpParser.Result whole = UtmpParser.parse(data);
        assertEquals(List.of("0 0", "384 26", "10368 0"), whole.records().stream().map(r -> r.offset() + " " + r.zeroed()).toList());
        assertEquals(List.of("offset 10752: record cut short (50 of 384 bytes)"), whole.problems());
        for (int seed = 0; seed < 200; seed++) {
            assertEquals(whole, UtmpParserFuzzTest.inPieces(data, new java.util.Random(seed)), "pieces of seed " + seed);
        }
    }

    @Test
    void plasoAndGrrSamplesReadAsUtmpdumpReadsThem() throws Exception {
        assumeTrue(Files.isDirectory(PLASO), "no ../shared/datasets/logs: skipped");
        for (Path f : List.of(PLASO.resolve("utmp_x86_64"), PLASO.resolve("utmp"), PLASO.resolve("wtmp.1"), GRR.resolve("wtmp"),
                GRR.resolve("utmp"))) {
            UtmpParser.Result r = UtmpParser.parse(Files.readAllBytes(f));
            assertEquals(UtmpLayout.X86_64, r.layout(), f.toString());
            assertEquals(utmpdump(f), r.records().stream() // utmpdump prints each record of a zeroed run
                    .flatMap(x -> Collections.nCopies((int) Math.max(1, x.zeroed()), brief(x)).stream()).toList(), f.toString());
        }
        assertEquals(List.of("offset 1536: record cut short (1 of 384 bytes)"),
                UtmpParser.parse(Files.readAllBytes(PLASO.resolve("wtmp.1"))).problems(), "1537 bytes: four records and one byte");
    }

    /** The same records written on aarch64 (400 bytes, little-endian) and s390x (400 bytes, big-endian). */
    @Test
    void fourHundredByteLayoutsOfBothByteOrders() throws Exception {
        assumeTrue(Files.isDirectory(PLASO), "no ../shared/datasets/logs: skipped");
        UtmpParser.Result arm = UtmpParser.parse(Files.readAllBytes(PLASO.resolve("utmp_aarch64")));
        UtmpParser.Result s390 = UtmpParser.parse(Files.readAllBytes(PLASO.resolve("utmp_s390")));
        assertEquals(UtmpLayout.LP64_LE, arm.layout());
        assertEquals(UtmpLayout.LP64_BE, s390.layout());
        assertEquals(6, arm.records().size());
        UtmpRecord boot = arm.records().get(2);
        assertEquals(List.of(UtmpRecord.BOOT_TIME, "reboot", "system boot", Instant.parse("2026-07-03T14:57:58Z")),
                List.of(boot.type(), boot.user(), boot.line(), boot.time()), arm.records().toString());
        assertEquals("shutdown", arm.records().get(3).user());
        // The two samples were written by different processes at different times: the same records otherwise.
        assertEquals(arm.records().stream().map(r -> r.type() + " " + r.user() + " " + r.line()).toList(),
                s390.records().stream().map(r -> r.type() + " " + r.user() + " " + r.line()).toList());
        assertEquals(Instant.parse("2026-07-04T05:00:25Z"), s390.records().get(2).time());
    }
}
