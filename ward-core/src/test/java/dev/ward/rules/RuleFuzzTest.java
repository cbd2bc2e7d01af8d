package dev.ward.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Fuzz;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rule files mutated from real ones: ward's Debian default, followed by each part of Debian's own
 * AIDE configuration (/etc/aide/aide.conf.d, where the aide-common package is installed; else the
 * default's second half). Only what follows the default is mutated, so its rules must load as
 * they are, and an error must name a line of the mutated part, in one escaped line.
 */
class RuleFuzzTest {
    private static final String NAME = "fuzz.conf";
    /** One line, no control characters (C0, DEL, C1) and no bidi controls. */
    private static final Pattern ERROR = Pattern.compile(
            "fuzz\\.conf:(\\d+): [^\\x00-\\x1f\\x7f-\\x9f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]+");
    private static final Path AIDE = Path.of("/etc/aide");

    @Test
    void mutatedRuleFilesLoadOrNameTheirLine() throws Exception {
        String prelude = prelude();
        List<String> parts = parts(prelude);
        List<byte[]> seeds = new ArrayList<>();
        for (String part : parts) {
            seeds.add((prelude + part).getBytes(StandardCharsets.UTF_8));
        }
        List<String> before = RuleSet.parse(NAME, prelude.getBytes(StandardCharsets.UTF_8), "host").normalised();
        int firstMutable = (int) prelude.lines().count() + 1;
        Fuzz.run("rules", seeds, prelude.getBytes(StandardCharsets.UTF_8).length, 100_000, 20261208L, Duration.ofSeconds(2),
                Set.of(RuleFormatException.class), input -> {
                    try {
                        List<String> rules = RuleSet.parse(NAME, input, "host").normalised();
                        assertTrue(rules.size() >= before.size(), "rules of the untouched part lost");
                        assertEquals(before, rules.subList(0, before.size()));
                    } catch (RuleFormatException e) {
                        Matcher m = ERROR.matcher(e.getMessage());
                        assertTrue(m.matches(), e.getMessage());
                        assertTrue(Integer.parseInt(m.group(1)) >= firstMutable, e.getMessage());
                        throw e;
                    }
                });
    }

    /** Ward's default, then the group definitions of Debian's aide.conf that ward takes. */
    private static String prelude() throws IOException, RuleFormatException {
        StringBuilder text = new StringBuilder(debian());
        if (Files.isRegularFile(AIDE.resolve("aide.conf"))) {
            for (String line : Files.readAllLines(AIDE.resolve("aide.conf"))) {
                String tried = text + line + "\n";
                if (line.matches("\\w+\\s*=.*") && loads(tried)) {
                    text.setLength(0);
                    text.append(tried);
                }
            }
        }
        return text.toString();
    }

    private static List<String> parts(String prelude) throws IOException {
        if (!Files.isDirectory(AIDE.resolve("aide.conf.d"))) {
            System.out.println("RuleFuzzTest: no /etc/aide/aide.conf.d (aide-common), mutating ward's default only");
            String d = debian();
            return List.of(d.substring(d.indexOf('\n', d.length() / 2) + 1));
        }
        List<String> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(AIDE.resolve("aide.conf.d"))) {
            for (Path f : files.sorted().toList()) {
                parts.add(Files.readString(f));
            }
        }
        assertTrue(parts.size() > 100, "Debian ships some two hundred parts");
        return parts;
    }

    private static String debian() throws IOException {
        try (InputStream in = RuleSet.class.getResourceAsStream("debian.conf")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean loads(String text) {
        try {
            RuleSet.parse(NAME, text.getBytes(StandardCharsets.UTF_8), "host");
            return true;
        } catch (RuleFormatException e) {
            return false;
        }
    }
}
