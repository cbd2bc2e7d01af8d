package dev.ward.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real browser: headless Chromium loads the page, runs its script, and
 * prints the resulting DOM. Views are chosen through the URL fragment the page honours. Skipped
 * when Chromium is not installed.
 */
@Tag("browser")
class HtmlReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern ROW = Pattern.compile("<tr class=\"finding [^\"]*\"([^>]*)>");
    private static final Pattern CHECK = Pattern.compile("data-check=\"([^\"]*)\"");

    @TempDir
    static Path dir;
    static Path page;

    @BeforeAll
    static void writeReport() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium is not installed at " + CHROMIUM + "; skipped");
        page = dir.resolve("report.html");
        Files.writeString(page, SampleReports.render(new HtmlReporter(), SampleReports.malicious()));
    }

    /** The DOM after the page's scripts ran, for the page with {@code fragment} appended. */
    private static String dumpDom(String fragment) throws Exception {
        Path profile = Files.createTempDirectory(dir, "profile");
        Path out = dir.resolve("dom-" + System.nanoTime() + ".html");
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", page.toUri() + fragment)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "chromium did not finish in 60 s");
        } finally {
            chromium.descendants().forEach(ProcessHandle::destroyForcibly);
            chromium.destroyForcibly();
        }
        assertEquals(0, chromium.exitValue(), "chromium exit status");
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** data-check of each finding row in DOM order; hidden rows only when asked for. */
    private static List<String> rows(String dom, boolean visibleOnly) {
        List<String> checks = new ArrayList<>();
        Matcher m = ROW.matcher(dom);
        while (m.find()) {
            Matcher check = CHECK.matcher(m.group(1));
            assertTrue(check.find(), m.group());
            if (!visibleOnly || !m.group(1).contains(" hidden")) {
                checks.add(check.group(1));
            }
        }
        return checks;
    }

    @Test
    void scriptBuildsRowsAndControlsWithHostileTextInert() throws Exception {
        String dom = dumpDom("");
        assertTrue(dom.contains("data-rendered=\"3\""), "the page script ran");
        assertEquals(List.of("linux.files.hostile_name", "linux.cron.download_and_run", "linux.accounts.empty_password"),
                rows(dom, true), "report ranking, all visible");
        assertTrue(dom.contains("id=\"filter\""));
        assertEquals(5, dom.split("class=\"sev-filter\"", -1).length - 1);
        assertTrue(dom.contains("showing 3 of 3"));
        assertTrue(dom.contains("<td class=\"title\">&lt;img src=x onerror=alert(1)&gt;</td>"));
        assertTrue(dom.contains("/tmp/raw\\nnewline"), "a newline in a path is shown escaped");
        assertFalse(dom.toLowerCase().contains("<img"), "no injected element");
        assertFalse(dom.contains("<b>key</b>"));
    }

    @Test
    void sortsByColumnFromTheFragment() throws Exception {
        assertEquals(List.of("linux.accounts.empty_password", "linux.cron.download_and_run", "linux.files.hostile_name"),
                rows(dumpDom("#sort=check"), true));
        assertEquals(List.of("linux.accounts.empty_password", "linux.cron.download_and_run", "linux.files.hostile_name"),
                rows(dumpDom("#sort=severity&dir=asc"), true));
        String desc = dumpDom("#sort=check&dir=desc");
        assertEquals(List.of("linux.files.hostile_name", "linux.cron.download_and_run", "linux.accounts.empty_password"),
                rows(desc, true));
        assertTrue(desc.contains("data-key=\"check\" aria-sort=\"descending\""));
    }

    @Test
    void filtersByTextAndSeverityFromTheFragment() throws Exception {
        String cron = dumpDom("#filter=cron");
        assertEquals(List.of("linux.cron.download_and_run"), rows(cron, true));
        assertEquals(3, rows(cron, false).size(), "filtered rows are hidden, not removed");
        assertTrue(cron.contains("showing 1 of 3"));
        assertEquals(List.of("linux.files.hostile_name", "linux.accounts.empty_password"),
                rows(dumpDom("#sev=high,low"), true));
        assertEquals(List.of(), rows(dumpDom("#filter=cron&sev=low"), true));
    }
}
