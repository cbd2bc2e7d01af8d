package dev.ward.collect.webshell;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in a server-side script's text, code that executes what the request sent or what was
 * hidden by encoding: the core of nearly every web shell. Pure. Only the combination is looked
 * for (an eval-like sink applied to a decoder or to request input), not either half, so ordinary
 * applications that call {@code system()} or {@code base64_decode()} are not matched.
 *
 * <p>The text is an uploaded file, so it may be built to hurt the scan: every gap in a pattern is
 * bounded or possessive (no backtracking over a whole line, no recursion per repetition), and a
 * line longer than {@link #WINDOW} characters is scanned in overlapping windows of that size, so
 * the cost stays linear in the file. A match spanning more than {@link #OVERLAP} characters across a
 * window edge is missed; the patterns themselves span at most a few hundred.
 */
public final class WebShellScanner {
    /** The first indicator found: its name, the 1-based line and the line's text. */
    public record Hit(String pattern, int line, String text) {
    }

    private record Indicator(String name, Pattern pattern) {
    }

    static final int WINDOW = 64 * 1024;
    static final int OVERLAP = 4 * 1024;
    /** The longest stretch of arbitrary text a pattern skips between its two halves. */
    private static final String GAP = "{0,300}";

    private static final String PHP_SINK = "(?:eval|assert|system|passthru|shell_exec|exec|popen|proc_open|"
            + "pcntl_exec|create_function|call_user_func|preg_replace)";
    private static final String PHP_INPUT = "\\$_(?:POST|GET|REQUEST|COOKIE|SERVER|FILES)\\b|php://input|getallheaders";
    private static final String DECODER = "(?:base64_decode|gzinflate|gzuncompress|gzdecode|str_rot13|"
            + "hex2bin|convert_uudecode)";

    private static final List<Indicator> INDICATORS = List.of(
            new Indicator("php: execution of decoded text",
                    Pattern.compile(PHP_SINK + "\\s*+\\(\\s*+(?:@\\s*+)?" + DECODER + "\\s*+\\(", Pattern.CASE_INSENSITIVE)),
            new Indicator("php: execution of request input",
                    Pattern.compile(PHP_SINK + "\\s*+\\(\\s*+(?:@\\s*+)?(?:[a-z_]++\\s*+\\(\\s*+){0,8}(?:" + PHP_INPUT + ")",
                            Pattern.CASE_INSENSITIVE)),
            new Indicator("php: backtick of request input",
                    Pattern.compile("`[^`]" + GAP + "\\$_(?:POST|GET|REQUEST|COOKIE)\\b[^`]" + GAP + "`")),
            new Indicator("jsp: Runtime.exec of request parameter",
                    Pattern.compile("Runtime\\.getRuntime\\(\\)\\.exec\\s*+\\(\\s*+request\\.getParameter")),
            new Indicator("aspx: process start of request input",
                    Pattern.compile("Process\\.Start\\s*+\\([^)]" + GAP + "Request(?:\\.Form|\\.QueryString|\\[)",
                            Pattern.CASE_INSENSITIVE)),
            new Indicator("ssi: exec of request input",
                    Pattern.compile("<!--#exec\\s++cmd\\s*+=\\s*+[\"'][^\"']" + GAP
                            + "\\$\\{?(?:QUERY_STRING|HTTP_|REQUEST_URI)", Pattern.CASE_INSENSITIVE)),
            new Indicator("python/perl cgi: shell of request input",
                    Pattern.compile("(?:os\\.system|os\\.popen|subprocess\\.\\w+|system|exec|qx)\\s*+\\(?[^\\n]" + GAP
                            + "(?:form\\.getvalue|FieldStorage|param\\s*\\(|\\$ENV\\{['\"]?QUERY_STRING)")));

    private WebShellScanner() {
    }

    public static Optional<Hit> scan(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Optional<Hit> hit = scanLine(lines[i], i + 1);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private static Optional<Hit> scanLine(String line, int number) {
        for (int from = 0; ; from += WINDOW - OVERLAP) {
            String window = line.substring(from, Math.min(line.length(), from + WINDOW));
            for (Indicator ind : INDICATORS) {
                Matcher m = ind.pattern().matcher(window);
                if (m.find()) {
                    return Optional.of(new Hit(ind.name(), number, snippet(window, m.start())));
                }
            }
            if (from + WINDOW >= line.length()) {
                return Optional.empty();
            }
        }
    }

    /** Up to 200 characters around the match: minified shells put a whole file on one line. */
    static String snippet(String line, int at) {
        String s = line.replace("\r", "").replace("\0", "");
        if (s.length() <= 200) {
            return s.strip();
        }
        int from = Math.max(0, Math.min(at - 40, s.length() - 200));
        return s.substring(from, from + 200);
    }
}
