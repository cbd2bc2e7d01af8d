package dev.ward.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Golden-file comparison. Times are normalised to {@code <TIME>} so a golden file stays valid
 * for reports from real runs. Run with {@code -Dward.golden.update=true} to rewrite the files,
 * then review the diff before committing.
 */
final class Golden {
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z");

    private Golden() {
    }

    static String normalise(String text) {
        return TIME.matcher(text).replaceAll("<TIME>");
    }

    static void assertMatches(String name, String actual) throws IOException {
        String normalised = normalise(actual);
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("ward.golden.update")) {
            Files.writeString(file, normalised, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("no golden file " + file + "; run with -Dward.golden.update=true to create it");
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), normalised, "golden file " + name);
    }
}
