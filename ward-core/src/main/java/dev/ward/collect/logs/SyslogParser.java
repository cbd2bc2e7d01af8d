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

    public Optional<SyslogLine> parse(String line) {
        try {
            if (line.length() > 16 && Character.isDigit(line.charAt(0)) && line.charAt(4) == '-') {
                int space = line.indexOf(' ');
                return space < 0 ? Optional.empty() : rest(line, space + 1, rfc3339(line.substring(0, space)));
            }
            if (line.length() > 16 && line.charAt(3) == ' ' && line.charAt(6) == ' ' && line.charAt(9) == ':') {
                return traditional(line).flatMap(t -> rest(line, 16, t));
            }
        } catch (DateTimeException | NumberFormatException e) {
            // not a syslog line after all
        }
        return Optional.empty();
    }

    private Instant rfc3339(String stamp) {
        try {
            return OffsetDateTime.parse(stamp).toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(stamp).atZone(zone).toInstant(); // rsyslog without an offset
        }
    }

    private Optional<Instant> traditional(String line) {
        int m = MONTHS.indexOf(line.substring(0, 3));
        if (m < 0 || m % 3 != 0) {
            return Optional.empty();
        }
        int month = m / 3 + 1;
        int day = Integer.parseInt(line.substring(4, 6).strip());
        int hour = Integer.parseInt(line.substring(7, 9));
        int minute = Integer.parseInt(line.substring(10, 12));
        int second = Integer.parseInt(line.substring(13, 15));
        for (int year = written.getYear(); year > written.getYear() - 8; year--) {
            if (day > LocalDate.of(year, month, 1).lengthOfMonth()) {
                continue; // Feb 29 of a year that has none
            }
            ZonedDateTime t = ZonedDateTime.of(year, month, day, hour, minute, second, 0, zone);
            if (!t.isAfter(written)) {
                return Optional.of(t.toInstant());
            }
        }
        return Optional.empty();
    }

    /** "host program[pid]: message" from {@code at}. */
    private static Optional<SyslogLine> rest(String line, int at, Instant time) {
        int hostEnd = line.indexOf(' ', at);
        if (hostEnd < 0) {
            return Optional.empty();
        }
        String host = line.substring(at, hostEnd);
        int colon = line.indexOf(": ", hostEnd + 1);
        int tagEnd = colon < 0 ? line.length() : colon;
        String tag = line.substring(hostEnd + 1, tagEnd);
        if (colon < 0 || tag.indexOf(' ') >= 0) {
            return Optional.of(new SyslogLine(time, host, "", -1, line.substring(hostEnd + 1)));
        }
        long pid = -1;
        String program = tag;
        int bracket = tag.indexOf('[');
        if (bracket > 0 && tag.endsWith("]")) {
            program = tag.substring(0, bracket);
            try {
                pid = Long.parseLong(tag.substring(bracket + 1, tag.length() - 1));
            } catch (NumberFormatException e) {
                pid = -1;
            }
        }
        return Optional.of(new SyslogLine(time, host, program, pid, line.substring(colon + 2)));
    }
}
