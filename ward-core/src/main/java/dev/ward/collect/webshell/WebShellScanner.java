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
 */
public final class WebShellScanner {
    /** The first indicator found: its name, the 1-based line and the line's text. */
    public record Hit(String pattern, int line, String text) {
    }

    private record Indicator(String name, Pattern pattern) {
    }

    private static final String PHP_SINK = "(?:eval|assert|system|passthru|shell_exec|exec|popen|proc_open|"
            + "pcntl_exec|create_function|call_user_func|preg_replace)";
    private static final String PHP_INPUT = "\\$_(?:POST|GET|REQUEST|COOKIE|SERVER|FILES)\\b|php://input|getallheaders";
    private static final String DECODER = "(?:base64_decode|gzinflate|gzuncompress|gzdecode|str_rot13|"
            + "hex2bin|convert_uudecode)";

    private static final List<Indicator> INDICATORS = List.of(
            new Indicator("php: execution of decoded text",
                    Pattern.compile(PHP_SINK + "\\s*\\(\\s*(?:@\\s*)?" + DECODER + "\\s*\\(", Pattern.CASE_INSENSITIVE)),
            new Indicator("php: execution of request input",
                    Pattern.compile(PHP_SINK + "\\s*\\(\\s*(?:@\\s*)?(?:[a-z_]+\\s*\\(\\s*)*(?:" + PHP_INPUT + ")",
                            Pattern.CASE_INSENSITIVE)),
            new Indicator("php: backtick of request input",
                    Pattern.compile("`[^`]*\\$_(?:POST|GET|REQUEST|COOKIE)\\b[^`]*`")),
            new Indicator("jsp: Runtime.exec of request parameter",
                    Pattern.compile("Runtime\\.getRuntime\\(\\)\\.exec\\s*\\(\\s*request\\.getParameter")),
            new Indicator("aspx: process start of request input",
                    Pattern.compile("Process\\.Start\\s*\\([^)]*Request(?:\\.Form|\\.QueryString|\\[)",
                            Pattern.CASE_INSENSITIVE)),
            new Indicator("python/perl cgi: shell of request input",
                    Pattern.compile("(?:os\\.system|os\\.popen|subprocess\\.\\w+|system|exec|qx)\\s*\\(?[^\\n]*"
                            + "(?:form\\.getvalue|FieldStorage|param\\s*\\(|\\$ENV\\{['\"]?QUERY_STRING)")));

    private WebShellScanner() {
    }

    public static Optional<Hit> scan(String text) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (Indicator ind : INDICATORS) {
                Matcher m = ind.pattern().matcher(lines[i]);
                if (m.find()) {
                    return Optional.of(new Hit(ind.name(), i + 1, snippet(lines[i], m.start())));
                }
            }
        }
        return Optional.empty();
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
