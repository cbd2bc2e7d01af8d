package dev.ward.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextReporterTest {

    private static String text(Report report) {
        return SampleReports.render(new TextReporter(), report);
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 60, 80, 120})
    void noLineExceedsTheWidthExceptUnbreakableTokens(int width) {
        String out = SampleReports.render(new TextReporter(false, width), SampleReports.typical());
        for (String line : out.split("\n")) {
            if (line.length() > width) {
                String stripped = line.strip();
                String token = stripped.substring(stripped.lastIndexOf(' ') + 1);
                assertTrue(line.length() - token.length() <= width && token.length() > width / 2,
                        "line too long and not one long token: " + line);
            }
        }
    }

    @Test
    void noAnsiWithoutColourAndAnsiWithIt() {
        assertFalse(text(SampleReports.typical()).contains("\u001b"));
        assertFalse(text(SampleReports.malicious()).contains("\u001b"), "escape sequences in report text are escaped");
        String coloured = SampleReports.render(new TextReporter(true, 80), SampleReports.typical());
        assertTrue(coloured.contains("\u001b[1;97;41mCRITICAL (1)\u001b[0m"));
    }

    @Test
    void colourDoesNotChangeTheWrapping() {
        String plain = text(SampleReports.typical());
        String coloured = SampleReports.render(new TextReporter(true, 80), SampleReports.typical());
        assertEquals(plain, coloured.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void groupsBySeverityMostSevereFirstWithCounts() {
        String out = text(SampleReports.typical());
        List<String> headings = out.lines().filter(l -> l.matches("(CRITICAL|HIGH|MEDIUM|LOW|INFO) \\(\\d+\\)")).toList();
        assertEquals(List.of("CRITICAL (1)", "HIGH (2)", "INFO (1)"), headings);
        assertTrue(out.indexOf("UID 0 account") < out.indexOf("Cron job downloads"));
        assertTrue(out.indexOf("Cron job downloads") < out.indexOf("Root may log in"));
    }

    @Test
    void findingShowsItsParts() {
        String out = text(SampleReports.typical());
        assertTrue(out.contains("[CRITICAL] UID 0 account other than root\n"));
        assertTrue(out.contains("    check linux.accounts.uid0_non_root, id "));
        assertTrue(out.contains("    path: /etc/passwd\n"));
        assertTrue(out.contains("    pid: 4242\n"));
        assertTrue(out.contains("    ATT&CK: T1136.001\n"));
        assertTrue(out.contains("    user: toor\n"));
        assertTrue(out.contains("    maps: [{\"start\":\"7f3a00000000\",\"perms\":\"r-xp\"}]\n"));
        assertTrue(out.contains("    (1 more evidence fields; --format json shows all)\n"));
        assertTrue(out.contains("    fix: Lock the account"));
    }

    @Test
    void changesErrorsAndTotal() {
        String out = text(SampleReports.typical());
        assertTrue(out.contains("Changes: 1 added, 1 removed, 1 changed\n"));
        assertTrue(out.contains("  changed  /etc/passwd (sha256, mtime)\n"));
        assertTrue(out.contains("Collection errors (2)"));
        assertTrue(out.contains("  linux.procs: /proc/1/exe: permission denied\n"));
        assertTrue(out.endsWith("4 findings: 1 critical, 2 high, 1 info; 3 changes; 2 errors\n"), out);
    }

    @Test
    void evidenceRepeatingAShownPathIsLeftOut() {
        dev.ward.model.Finding f = dev.ward.model.Finding.builder("linux.x.y", dev.ward.model.Severity.HIGH, "T")
                .path("/etc/x").evidence("path", "/etc/x").evidence("other", "/etc/y").build();
        Report r = new Report("ward", "0", "h", "/", SampleReports.STARTED, SampleReports.FINISHED,
                List.of(f), null, List.of(), java.util.Map.of(), java.util.Map.of());
        String out = text(r);
        assertEquals(1, out.lines().filter(l -> l.contains("/etc/x")).count(), out);
        assertTrue(out.contains("other: /etc/y"), out);
    }

    @Test
    void emptyReportSaysNoFindings() {
        String out = text(SampleReports.empty());
        assertTrue(out.contains("\nNo findings.\n"));
        assertTrue(out.contains("  logins: {\"root\":2,\"alice\":5}\n"));
        assertTrue(out.endsWith("0 findings\n"));
    }

    @Test
    void hostileTextCannotBreakLinesOrTheTerminal() {
        String out = text(SampleReports.malicious());
        assertTrue(out.contains("path: /tmp/raw\\nnewline\n"), "a newline in a name stays on its line");
        assertTrue(out.contains("\\x1b[2J"));
        assertTrue(out.contains("\\u202etxt.sh"));
        assertFalse(out.contains("\u202e"));
    }

    @Test
    void matchesGoldenFile() throws Exception {
        Golden.assertMatches("report.txt", text(SampleReports.typical()));
    }
}
