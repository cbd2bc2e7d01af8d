package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SyslogParserTest {
    static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void traditionalLineTakesTheYearOfItsFilesLastWrite() {
        SyslogParser p = new SyslogParser(UTC, Instant.parse("2026-11-28T12:00:00Z"));
        assertEquals(Optional.of(new SyslogLine(Instant.parse("2026-11-20T03:12:00Z"), "web1", "sshd", 4100,
                "Failed password for root from 203.0.113.45 port 40000 ssh2")),
                p.parse("Nov 20 03:12:00 web1 sshd[4100]: Failed password for root from 203.0.113.45 port 40000 ssh2"));
        assertEquals(Instant.parse("2025-12-31T23:59:59Z"), p.parse("Dec 31 23:59:59 web1 cron[1]: x").orElseThrow().time(),
                "a December line in a file last written in November is last year's");
        assertEquals(Instant.parse("2026-11-29T01:00:00Z"), p.parse("Nov 29 01:00:00 web1 cron[1]: x").orElseThrow().time(),
                "a day of slack for a clock ahead of the file's mtime");
    }

    @Test
    void yearBoundaryAndLeapDay() {
        SyslogParser january = new SyslogParser(UTC, Instant.parse("2025-01-02T00:10:00Z"));
        assertEquals(Instant.parse("2024-12-31T23:50:00Z"), january.parse("Dec 31 23:50:00 h k: x").orElseThrow().time());
        assertEquals(Instant.parse("2025-01-01T00:05:00Z"), january.parse("Jan  1 00:05:00 h k: x").orElseThrow().time());
        SyslogParser march = new SyslogParser(UTC, Instant.parse("2025-03-10T00:00:00Z"));
        assertEquals(Instant.parse("2024-02-29T10:00:00Z"), march.parse("Feb 29 10:00:00 h k: x").orElseThrow().time(),
                "2025 has no Feb 29: the latest year that has one");
    }

    @Test
    void hostZoneAppliesToTraditionalTimes() {
        SyslogParser berlin = new SyslogParser(ZoneId.of("Europe/Berlin"), Instant.parse("2026-07-01T00:00:00Z"));
        assertEquals(Instant.parse("2026-06-30T08:00:00Z"), berlin.parse("Jun 30 10:00:00 h k: x").orElseThrow().time());
    }

    @Test
    void rfc3339WithAndWithoutOffset() {
        SyslogParser p = new SyslogParser(UTC, Instant.parse("2020-01-01T00:00:00Z"));
        SyslogLine l = p.parse("2019-06-14T13:01:15.412+01:30 localhost pam: user nobody logged out.").orElseThrow();
        assertEquals(Instant.parse("2019-06-14T11:31:15.412Z"), l.time());
        assertEquals("pam", l.program());
        assertEquals(-1, l.pid());
        assertEquals("user nobody logged out.", l.message());
        assertEquals(Instant.parse("2019-06-14T10:40:20.912134Z"), p.parse(
                "2019-06-14T10:40:20.912134 localhost sudo: pam_unix(sudo-i:session): session opened").orElseThrow().time());
    }

    @Test
    void notSyslog() {
        SyslogParser p = new SyslogParser(UTC, Instant.parse("2026-01-01T00:00:00Z"));
        assertTrue(p.parse("").isEmpty());
        assertTrue(p.parse("Xyz 20 03:12:00 web1 sshd[1]: x").isEmpty());
        assertTrue(p.parse("2026-13-01T00:00:00Z host x: y").isEmpty());
        assertEquals("", p.parse("Nov 18 01:15:43 host --- last message repeated 5 times ---").orElseThrow().program());
    }
}
