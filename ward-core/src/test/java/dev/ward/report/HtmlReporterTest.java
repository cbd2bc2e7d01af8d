package dev.ward.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReporterTest {
    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"ward-data\">(.*?)</script>", Pattern.DOTALL);

    private static String html(Report report) {
        return SampleReports.render(new HtmlReporter(), report);
    }

    @Test
    void hostileTextIsEscapedEverywhere() {
        String html = html(SampleReports.malicious());
        String lower = html.toLowerCase();
        assertFalse(lower.contains("<img"), "no injected element");
        assertFalse(lower.contains("<b>host") || lower.contains("<i>") || lower.contains("<b>key"), "no injected markup");
        assertEquals(2, lower.split("<script", -1).length - 1, "only the data block and the page script");
        assertEquals(2, lower.split("</script", -1).length - 1);
        assertFalse(html.contains("<!--"));
        assertTrue(html.contains("<h1>ward report: &lt;b&gt;host&lt;/b&gt;</h1>"));
        assertTrue(html.contains("/tmp/\\xff\\n&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
        assertTrue(html.contains("x&lt;y&gt;") && html.contains("&lt;i&gt;denied&lt;/i&gt;"));
    }

    @Test
    void dataBlockHoldsTheJsonReportWithMarkupEscaped() throws Exception {
        Matcher m = DATA.matcher(html(SampleReports.malicious()));
        assertTrue(m.find());
        String json = m.group(1);
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"));
        JsonNode tree = new ObjectMapper().readTree(json);
        JsonNode expected = new ObjectMapper().readTree(SampleReports.render(new JsonReporter(), SampleReports.malicious()));
        assertEquals(expected, tree);
        assertEquals(SampleReports.MALICIOUS_TITLE, tree.at("/findings/0/title").textValue());
        assertEquals("/tmp/raw\nnewline", tree.at("/findings/0/paths/1").textValue());
    }

    @Test
    void selfContainedWithAStrictPolicy() {
        String html = html(SampleReports.typical());
        assertFalse(html.contains(" src=") || html.contains(" href=") || html.contains("url(") || html.contains("@import"));
        Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(script.find());
        assertEquals(HtmlReporter.script(), script.group(1));
        String csp = "script-src '" + HtmlReporter.sha256(script.group(1)) + "'";
        assertTrue(html.contains(csp), "the policy allows exactly the page script");
        assertTrue(html.contains("default-src 'none'"));
    }

    @Test
    void headerCountsAndControls() {
        String html = html(SampleReports.typical());
        assertTrue(html.contains("<li class=\"sev-critical\" data-severity=\"critical\">critical <b>1</b></li>"));
        assertTrue(html.contains("<li class=\"sev-high\" data-severity=\"high\">high <b>2</b></li>"));
        assertTrue(html.contains("<input type=\"search\" id=\"filter\""));
        assertTrue(html.contains("<th data-key=\"severity\""));
        assertTrue(html.contains("<section id=\"changes\">") && html.contains("<section id=\"errors\">"));
        assertTrue(html(SampleReports.empty()).contains("No findings."));
    }

    @Test
    void escapeCoversMarkupQuotesAndControls() {
        assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;\\x1b\\n", HtmlReporter.escape("<a href=\"x\" title='y'>&\u001b\n"));
    }
}
