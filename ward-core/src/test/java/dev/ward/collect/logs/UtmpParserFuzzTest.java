package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.Fuzz;
import dev.ward.model.UtmpRecord;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * utmp's parser on 120,000 inputs mutated from real files: records written by utmpdump -r, and the
 * samples of Plaso and GRR (x86-64, aarch64 and s390x layouts, a torn and a corrupted file). Each
 * input returns (the parser throws nothing: bad input is a problem), within two seconds, with the
 * layout and the records of the undamaged first two records; and read in pieces, some zeros of it
 * given as holes, it gives the same result as read whole.
 */
class UtmpParserFuzzTest {
    private static final int INPUTS = 120_000;

    static List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(UtmpParserTest.utmpdumpReverse("""
                [2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-26-amd64      ] [0.0.0.0        ] [2026-11-20T03:00:00,000000+00:00]
                [7] [04190] [ts/0] [root    ] [pts/0       ] [203.0.113.45        ] [203.0.113.45   ] [2026-11-20T03:16:31,250000+00:00]
                [8] [04190] [ts/0] [        ] [pts/0       ] [                    ] [0.0.0.0        ] [2026-11-20T03:20:00,000000+00:00]
                [1] [00000] [~~  ] [shutdown] [~~          ] [6.1.0-26-amd64      ] [0.0.0.0        ] [2026-11-20T08:00:00,000000+00:00]
                """));
        seeds.add(UtmpParserTest.utmpdumpReverse("""
                [6] [01234] [    ] [admin   ] [ssh:notty   ] [198.51.100.7        ] [198.51.100.7   ] [2026-11-20T03:16:31,000000+00:00]
                [6] [01235] [    ] [oracle  ] [ssh:notty   ] [2001:db8::1         ] [2001:db8::1    ] [2026-11-20T03:16:32,500000+00:00]
                [4] [00000] [    ] [date    ] [|           ] [                    ] [0.0.0.0        ] [2026-11-20T10:00:00,000000+00:00]
                [3] [00000] [    ] [date    ] [{           ] [                    ] [0.0.0.0        ] [2026-11-19T10:00:00,000000+00:00]
                """));
        if (Files.isDirectory(UtmpParserTest.PLASO)) {
            for (String name : List.of("utmp", "utmp_x86_64", "wtmp.1", "utmp_aarch64", "utmp_s390", "utmp_corrupted")) {
                seeds.add(Files.readAllBytes(UtmpParserTest.PLASO.resolve(name)));
            }
            seeds.add(Files.readAllBytes(UtmpParserTest.GRR.resolve("wtmp")));
            seeds.add(Files.readAllBytes(UtmpParserTest.GRR.resolve("utmp")));
        } else {
            System.out.println("no ../shared/datasets/logs: fuzzed from utmpdump's records only");
        }
        return seeds;
    }

    @Test
    void mutatedFilesKeepTheirFirstRecords() throws Exception {
        List<byte[]> seeds = seeds();
        int each = INPUTS / seeds.size() + 1;
        long start = System.nanoTime();
        for (int s = 0; s < seeds.size(); s++) {
            UtmpParser.Result whole = UtmpParser.parse(seeds.get(s));
            int from = 2 * whole.layout().size;
            List<UtmpRecord> first = before(whole.records(), from);
            Fuzz.run("utmp-" + s, List.of(seeds.get(s)), from, each, s, Duration.ofSeconds(2), Set.of(), input -> {
                UtmpParser.Result r = UtmpParser.parse(input);
                assertEquals(whole.layout(), r.layout(), "the layout told by the undamaged first records");
                assertEquals(first, before(r.records(), from));
                assertEquals(r, inPieces(input, new Random(Arrays.hashCode(input))));
            });
        }
        System.out.printf("utmp: %d inputs from %d seeds in %.1f s%n", each * seeds.size(), seeds.size(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The records that end before {@code from}, but for a zeroed run reaching it, which damage may lengthen. */
    private static List<UtmpRecord> before(List<UtmpRecord> records, int from) {
        List<UtmpRecord> out = new ArrayList<>(records.stream().filter(r -> r.last() < from).toList());
        if (!out.isEmpty() && out.getLast().isZeroed() && out.getLast().last() == from - 1) {
            out.removeLast();
        }
        return out;
    }

    /** The input fed in random pieces, runs of zeros among them as holes, some pieces off the heap. */
    static UtmpParser.Result inPieces(byte[] input, Random random) {
        UtmpParser p = new UtmpParser("", input.length, Integer.MAX_VALUE);
        for (int at = 0; at < input.length; ) {
            int n = Math.min(input.length - at, 1 + random.nextInt(900));
            boolean zeros = Arrays.mismatch(input, at, at + n, new byte[n], 0, n) < 0;
            if (zeros && random.nextBoolean()) {
                p.hole(n);
            } else if (random.nextInt(4) == 0) {
                p.data(ByteBuffer.allocateDirect(n).put(input, at, n).flip());
            } else {
                p.data(ByteBuffer.wrap(input, at, n));
            }
            at += n;
        }
        return p.finish();
    }
}
