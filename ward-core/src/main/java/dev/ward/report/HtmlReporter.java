package dev.ward.report;

import dev.ward.model.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One self-contained HTML page: inline CSS and script, no external assets, nothing fetched, so it
 * can be mailed, archived with a case and opened on an analysis machine that is off-line.
 *
 * <p>Report text is attacker-controlled (file names, process names, log lines). Static parts are
 * HTML-escaped here; the findings travel as the JSON report tree in a
 * {@code <script type="application/json">} with {@code <}, {@code >} and {@code &} escaped as
 * JSON unicode escapes, and the page script renders them with {@code textContent}. As a
 * second wall, a Content-Security-Policy allows only this page's own script (by its SHA-256) and
 * no network at all, so even an escaping bug could not run injected script or phone home.
 *
 * <p>The page honours a fragment such as {@code #sort=severity&dir=desc&filter=cron&sev=high,critical},
 * so a view can be linked to (and tested in a real browser).
 */
public final class HtmlReporter implements Reporter {
    private static final String CSS = resource("report.css");
    private static final String SCRIPT = resource("report.js");
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "script-src '" + sha256(SCRIPT) + "'; base-uri 'none'; form-action 'none'";

    @Override
    public void write(Report report, OutputStream out) throws IOException {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(report.tool() + " report: " + report.host())).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        header(h, report);
        findings(h, report);
        HtmlSections.changes(h, report.changes());
        HtmlSections.errors(h, report);
        HtmlSections.keyValues(h, "summary", "Summary", report.summary());
        HtmlSections.keyValues(h, "stats", "Statistics", report.stats());
        h.append("<script type=\"application/json\" id=\"ward-data\">")
                .append(Json.htmlSafe(JsonReporter.tree(report))).append("</script>\n")
                .append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void header(StringBuilder h, Report r) {
        h.append("<header>\n<h1>").append(escape(r.tool() + " report: " + r.host())).append("</h1>\n")
                .append("<dl class=\"meta\">\n");
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("host", r.host());
        meta.put("root", r.root());
        meta.put("started", r.started());
        meta.put("finished", r.finished());
        meta.put("version", r.tool() + " " + r.version());
        meta.forEach((k, v) -> h.append("<dt>").append(k).append("</dt><dd>")
                .append(escape(String.valueOf(v))).append("</dd>\n"));
        h.append("</dl>\n<ul class=\"counts\">\n");
        for (Severity s : List.of(Severity.values()).reversed()) {
            long n = r.findings().stream().filter(f -> f.severity() == s).count();
            h.append("<li class=\"sev-").append(s.label()).append("\" data-severity=\"").append(s.label())
                    .append("\">").append(s.label()).append(" <b>").append(n).append("</b></li>\n");
        }
        h.append("</ul>\n</header>\n");
    }

    private static void findings(StringBuilder h, Report r) {
        h.append("<section id=\"findings\">\n<h2>Findings (").append(r.findings().size()).append(")</h2>\n")
                .append("<div class=\"controls\">\n<input type=\"search\" id=\"filter\" placeholder=\"filter: text, path, check\"")
                .append(" aria-label=\"filter findings\">\n");
        for (Severity s : List.of(Severity.values()).reversed()) {
            h.append("<label><input type=\"checkbox\" class=\"sev-filter\" value=\"").append(s.label())
                    .append("\" checked> ").append(s.label()).append("</label>\n");
        }
        h.append("<span id=\"shown\"></span>\n</div>\n")
                .append("<table id=\"findings-table\">\n<thead><tr>")
                .append("<th data-key=\"severity\" aria-sort=\"none\">Severity</th>")
                .append("<th data-key=\"check\" aria-sort=\"none\">Check</th>")
                .append("<th data-key=\"title\" aria-sort=\"none\">Title</th>")
                .append("<th data-key=\"path\" aria-sort=\"none\">Path</th></tr></thead>\n<tbody></tbody>\n</table>\n");
        if (r.findings().isEmpty()) {
            h.append("<p class=\"none\">No findings.</p>\n");
        }
        h.append("<noscript><p>The findings table is drawn by the page script; the same data is in")
                .append(" the ward-data block of this file, and in <code>--format json</code>.</p></noscript>\n")
                .append("</section>\n");
    }

    /**
     * Text for HTML element content and quoted attribute values: the five markup characters
     * become entities, and control characters are made visible as in the text report.
     */
    static String escape(String text) {
        String visible = Printable.line(text);
        StringBuilder out = new StringBuilder(visible.length() + 16);
        for (int i = 0; i < visible.length(); i++) {
            char c = visible.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The CSP source for an inline script: its exact UTF-8 bytes, hashed. */
    static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    static String script() {
        return SCRIPT;
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReporter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/ward/report/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
