package dev.ward.collect.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** The same hunks GNU diff -u prints for the same two files. */
class LineDiffTest {
    @TempDir
    Path dir;

    static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining());
    }

    static List<List<String>> pairs() {
        String base = lines(1, 30);
        return List.of(
                List.of(base, base.replace("line 5\n", "line five\n")),
                List.of(base, base.replace("line 2\n", "").replace("line 28\n", "line 28\nadded\n")),
                List.of(base, base.replace("line 10\n", "x\n").replace("line 14\n", "y\n")),
                List.of(base, "first\n" + base + "last\n"),
                List.of("", "only\n"),
                List.of("PermitRootLogin no\nPasswordAuthentication no\n", "PermitRootLogin yes\nPasswordAuthentication no\n"));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void matchesGnuDiff(List<String> pair) throws Exception {
        Path a = Files.writeString(dir.resolve("a"), pair.get(0));
        Path b = Files.writeString(dir.resolve("b"), pair.get(1));
        Process p = new ProcessBuilder("diff", "-u", a.toString(), b.toString()).start();
        List<String> gnu = new String(p.getInputStream().readAllBytes()).lines().skip(2).toList();
        p.waitFor();
        assertEquals(gnu, LineDiff.unified(pair.get(0), pair.get(1)));
    }
}
