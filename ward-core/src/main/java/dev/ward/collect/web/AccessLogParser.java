package dev.ward.collect.web;

import dev.ward.model.WebRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * Pure: a line of the common or combined log format, which Apache and nginx write by default:
 * {@code 203.0.113.9 - - [13/Jan/2016:19:31:17 +0000] "GET /evil.php?cmd=id HTTP/1.1" 200 1063 "-" "curl/8.0"}.
 * A request line that is not "METHOD PATH PROTOCOL" (a scanner's garbage) keeps its text as the path.
 */
public final class AccessLogParser {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private AccessLogParser() {
    }

    public static Optional<WebRequest> parse(String line, String file, long number) {
        int space = line.indexOf(' ');
        int open = line.indexOf('[');
        int close = line.indexOf(']', open + 1);
        int q1 = line.indexOf('"', close + 1);
        int q2 = q1 < 0 ? -1 : closingQuote(line, q1 + 1);
        if (space <= 0 || open < 0 || close < 0 || q1 < 0 || q2 < 0) {
            return Optional.empty();
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(line.substring(open + 1, close), TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
        String request = line.substring(q1 + 1, q2);
        String[] r = request.split(" ");
        String method = r.length == 3 ? r[0] : "";
        String path = r.length == 3 ? r[1] : request;
        String[] after = line.substring(q2 + 1).strip().split(" ", 3);
        int status;
        long bytes;
        try {
            status = Integer.parseInt(after[0]);
            bytes = after.length > 1 && !after[1].equals("-") ? Long.parseLong(after[1]) : 0;
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String agent = "";
        if (after.length == 3) {
            String rest = after[2];
            int a = rest.indexOf('"', rest.indexOf('"', rest.indexOf('"') + 1) + 1); // after the referer
            int b = a < 0 ? -1 : closingQuote(rest, a + 1);
            agent = a < 0 || b < 0 ? "" : rest.substring(a + 1, b);
        }
        return Optional.of(new WebRequest(time, line.substring(0, space), method, path, status, bytes, agent, file, number));
    }

    /** The next unescaped quote from {@code from} (Apache writes a quote in a request as \"). */
    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == '"') {
                return i;
            }
        }
        return -1;
    }
}
