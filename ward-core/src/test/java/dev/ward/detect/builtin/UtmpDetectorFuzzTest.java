package dev.ward.detect.builtin;

import dev.ward.Fuzz;
import dev.ward.collect.logs.LastlogCollectorTest;
import dev.ward.collect.logs.UtmpParserTest;
import dev.ward.model.LastLogin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole of UtmpDetector, its checks comparing wtmp with the authentication log and lastlog, on
 * 3,000 wtmp files mutated from records written by utmpdump -r: each run ends within two seconds
 * and throws nothing, whatever the records' types and times.
 */
class UtmpDetectorFuzzTest {
    private static final int INPUTS = 3_000;

    @TempDir
    Path dir;

    @Test
    void mutatedWtmpNeverFailsTheDetector() throws Exception {
        Path log = dir.resolve("var/log");
        Files.createDirectories(log);
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/passwd"), TestRoot.PASSWD);
        Files.writeString(log.resolve("auth.log"), UtmpDetectorTest.AUTH);
        Files.setLastModifiedTime(log.resolve("auth.log"), FileTime.from(Instant.parse("2026-11-21T00:00:00Z")));
        byte[] wtmp = UtmpParserTest.utmpdumpReverse("""
                [2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-26-amd64      ] [0.0.0.0        ] [2026-11-20T02:00:00,000000+00:00]
                [7] [04190] [ts/0] [alice   ] [pts/0       ] [198.51.100.7        ] [198.51.100.7   ] [2026-11-20T03:00:01,000000+00:00]
                [8] [04190] [ts/0] [        ] [pts/0       ] [                    ] [0.0.0.0        ] [2026-11-20T03:20:00,000000+00:00]
                [4] [00000] [    ] [date    ] [|           ] [                    ] [0.0.0.0        ] [2026-11-20T10:00:00,000000+00:00]
                [3] [00000] [    ] [date    ] [{           ] [                    ] [0.0.0.0        ] [2026-11-19T10:00:00,000000+00:00]
                [1] [00000] [~~  ] [shutdown] [~~          ] [6.1.0-26-amd64      ] [0.0.0.0        ] [2026-11-20T11:00:00,000000+00:00]
                [2] [00000] [~~  ] [reboot  ] [~           ] [6.1.0-27-amd64      ] [0.0.0.0        ] [2026-11-20T12:00:00,000000+00:00]
                """);
        Files.write(log.resolve("lastlog"), LastlogCollectorTest.lastlog(292,
                new LastLogin("", Instant.parse("2026-11-20T12:00:00Z"), "pts/1", "198.51.100.8", ""), 1001));
        long start = System.nanoTime();
        Fuzz.run("utmp-detector", List.of(wtmp), 0, INPUTS, 7, Duration.ofSeconds(2), Set.of(), input -> {
            Files.write(log.resolve("wtmp"), input);
            TestRoot.run(dir, new UtmpDetector());
        });
        System.out.printf("utmp detector: %d inputs in %.1f s%n", INPUTS, (System.nanoTime() - start) / 1e9);
    }
}
