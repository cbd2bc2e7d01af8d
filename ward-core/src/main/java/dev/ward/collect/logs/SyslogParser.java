package dev.ward.collect.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Pure: syslog lines in the traditional form ({@code Nov 20 03:12:00 host sshd[4100]: message})
 * and in RFC 3339 ({@code 2026-11-20T03:12:00.123456+00:00 host sshd[4100]: message}). A
 * traditional timestamp has no year and no zone: the zone is the host's, and the year is the one
 * that puts the line at or before the file's last write (its mtime), the latest such: so a file
 * written in January keeps December's lines in the year before, and Feb 29 falls in a leap year.
 * Parsed by hand, without regular expressions, since logs run to millions of lines.
 */
public final class SyslogParser {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

    private final ZoneId zone;
    private final ZonedDateTime written;

    /**
     * @param zone    the host's time zone, for traditional timestamps
     * @param written the file's mtime: no line of it is later (a day's slack for clock skew)
     */
    public SyslogParser(ZoneId zone, Instant written) {
        this.zone = zone;
        this.written = written.plusSeconds(86_400).atZone(zone);
    }

    /** A syslog line, or else a line of a service's own log ({@link ServiceLines}). */
    public Optional<SyslogLine> parseAny(String line) {
        return Optional.ofNullable(anyOrNull(line));
    }

    public Optional<SyslogLine> parse(String line) {
        return Optional.ofNullable(lineOrNull(line));
    }

    /**
     * {@link #parseAny}, with null for a line that is none: the hot path of reading a log, called
     * once a line, where every Optional and lambda is more for the JIT to compile before it runs fast.
     */
    SyslogLine anyOrNull(String line) {
        SyslogLine l = lineOrNull(line);
        return l != null ? l : ServiceLines.parse(line, zone).orElse(null);
    }

    /** {@link #parse}, with null for a line that is none. */
    private SyslogLine lineOrNull(String line) {
        try {
            if (line.length() > 16 && Character.isDigit(line.charAt(0)) && line.charAt(4) == '-') {
                int space = line.indexOf(' ');
                return space < 0 ? null : rest(line, space + 1, rfc3339(line.substring(0, space)));
            }
            if (line.length() > 16 && line.charAt(3) == ' ' && line.charAt(6) == ' ' && line.charAt(9) == ':') {
                Instant t = traditional(line);
                return t == null ? null : rest(line, 16, t);
            }
            if (line.length() > 15 && line.charAt(3) == ' ' && line.charAt(5) == ' ' && line.charAt(8) == ':') {
                String padded = line.substring(0, 4) + ' ' + line.substring(4); // "Feb 6 12:02:29", unpadded
                Instant t = traditional(padded);
                return t == null ? null : rest(padded, 16, t);
            }
        } catch (DateTimeException | NumberFormatException e) {
            // not a syslog line after all
        }
        return null;
    }

    private Instant rfc3339(String stamp) {
        try {
            return OffsetDateTime.parse(stamp).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(stamp).atZone(zone).toInstant(); // rsyslog without an offset
        }
    }

    /** The last minute worked out ("Nov 20 03:12") and its instant: a log's lines come minute by minute. */
    private String lastMinute = "";
    private Instant lastMinuteAt;

    /** The instant of a traditional timestamp, or null. */
    private Instant traditional(String line) {
        int second = digits(line, 13);
        if (!line.regionMatches(0, lastMinute, 0, 12)) {
            Instant minute = minute(line);
            if (minute == null) {
                return null;
            }
            lastMinute = line.substring(0, 12);
            lastMinuteAt = minute;
        }
        return lastMinuteAt.plusSeconds(second);
    }

    /** The instant of "Mmm dd HH:MM" in the latest year that puts it at or before the file's last write. */
    private Instant minute(String line) {
        int m = MONTHS.indexOf(line.substring(0, 3));
        if (m < 0 || m % 3 != 0) {
            return null;
        }
        int month = m / 3 + 1;
        int day = digits(line, 4);
        int hour = digits(line, 7);
        int minute = digits(line, 10);
        for (int year = written.getYear(); year > written.getYear() - 8; year--) {
            if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
                continue; // Feb 29 of a year that has none
            }
            ZonedDateTime t = ZonedDateTime.of(year, month, day, hour, minute, 0, 0, zone);
            if (!t.isAfter(written)) {
                return t.toInstant();
            }
        }
        return null;
    }

    /** Two decimal digits at {@code at}, the first of which may be a space (syslog pads days: "Nov  5"). */
    private static int digits(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        if ((a != ' ' && (a < '0' || a > '9')) || b < '0' || b > '9') {
            throw new NumberFormatException("not two digits at " + at);
        }
        return (a == ' ' ? 0 : a - '0') * 10 + (b - '0');
    }

    /** The decimal number of {@code s} from {@code from} to {@code to}, or -1 when it is none (or too long). */
    static long digits(String s, int from, int to) {
        if (to <= from || to - from > 18) {
            return -1;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The host and program of the line before: a log names few, so each is made once, not once a line. */
    private String lastHost = "";
    private String lastProgram = "";

    /** "host program[pid]: message" from {@code at}, or null. */
    private SyslogLine rest(String line, int at, Instant time) {
        int hostEnd = line.indexOf(' ', at);
        if (hostEnd < 0) {
            return null;
        }
        String host = lastHost = same(line, at, hostEnd, lastHost);
        int tagStart = hostEnd + 1;
        int colon = line.indexOf(": ", tagStart);
        int space = line.indexOf(' ', tagStart);
        if (colon < 0 || (space >= 0 && space < colon)) {
            return new SyslogLine(time, host, "", -1, line.substring(tagStart));
        }
        long pid = -1;
        int programEnd = colon;
        int bracket = line.indexOf('[', tagStart);
        if (bracket > tagStart && bracket < colon && line.charAt(colon - 1) == ']') {
            programEnd = bracket;
            pid = digits(line, bracket + 1, colon - 1);
        }
        String program = lastProgram = same(line, tagStart, programEnd, lastProgram);
        return new SyslogLine(time, host, program, pid, line.substring(colon + 2));
    }

    /** {@code line}'s text from {@code from} to {@code to}: {@code last} when it is the same. */
    private static String same(String line, int from, int to, String last) {
        return last.length() == to - from && line.startsWith(last, from) ? last : line.substring(from, to);
    }
}
