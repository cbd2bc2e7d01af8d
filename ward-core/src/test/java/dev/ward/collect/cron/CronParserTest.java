package dev.ward.collect.cron;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Fixtures;
import dev.ward.collect.cron.CronParser.Env;
import dev.ward.collect.cron.CronParser.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronParserTest {
    @Test
    void systemCrontabHasUserField() {
        CronParser.Result r = CronParser.parse(Fixtures.text("cron/system-crontab"), true);
        assertEquals(List.of(new Line(5, "root", "17 * * * *", "cd / && run-parts --report /etc/cron.hourly"),
                new Line(6, "root", "@reboot", "/usr/local/bin/start-agent --quiet"),
                // Only the characters of time fields are checked, not their ranges: cron would reject 61.
                new Line(8, "root", "61,x * * * *", "echo bad minute ok")), r.lines());
        assertEquals(List.of("line 7: not a cron entry", "line 9: not a cron entry"), r.problems());
        assertEquals(List.of(new Env(2, "SHELL", "/bin/sh"), new Env(3, "PATH", "/usr/local/sbin:/usr/local/bin:/sbin:/bin")),
                r.env());
    }

    @Test
    void anacrontabHasPeriodDelayAndJobId() {
        CronParser.Result r = CronParser.anacrontab(Fixtures.text("cron/anacrontab"));
        assertEquals(List.of(new Line(6, "root", "1 5", "run-parts --report /etc/cron.daily"),
                new Line(7, "root", "@monthly 15", "run-parts --report /etc/cron.monthly")), r.lines());
        assertEquals(List.of(new Env(2, "SHELL", "/bin/sh"), new Env(3, "PATH", "/sbin:/bin:/usr/sbin:/usr/bin"),
                new Env(4, "HOME", "/root")), r.env());
        assertEquals(List.of("line 8: not a cron entry"), r.problems());
    }

    @Test
    void incrontabHasPathMaskCommandAndNoEnvironment() {
        CronParser.Result r = CronParser.incrontab(Fixtures.text("cron/incrontab"));
        assertEquals(List.of(new Line(2, null, "/etc/passwd IN_MODIFY", "/usr/local/bin/audit $@"),
                new Line(3, null, "/var/www/uploads IN_CLOSE_WRITE,IN_MOVED_TO", "/bin/sh -c \"chmod 644 $@/$#\"")),
                r.lines());
        // incron has no environment lines: a one-word line is a table line with too few fields.
        assertEquals(List.of(), r.env());
        assertEquals(List.of("line 4: not a cron entry"), r.problems());
    }

    @Test
    void userCrontabHasNoUserField() {
        CronParser.Result r = CronParser.parse(Fixtures.text("cron/user-crontab"), false);
        assertEquals(List.of(new Line(2, null, "0 3 * * 1", "/home/bob/bin/backup.sh > /dev/null 2>&1"),
                new Line(3, null, "@hourly", "curl -s http://example.org/ping")), r.lines());
        assertEquals(List.of("line 4: not a cron entry"), r.problems());
    }

    @Test
    void binaryAndTruncatedLinesBecomeProblems() {
        CronParser.Result r = CronParser.parse(Fixtures.text("cron/broken-crontab"), true);
        assertEquals(List.of(new Line(2, "root", "*/5 * * * *", "/bin/true"),
                new Line(4, "root", "0 1 * * *", "/usr/bin/ok")), r.lines());
        assertEquals(List.of("line 3: binary data", "line 5: not a cron entry"), r.problems());
    }

    @Test
    void emptyTextHasNothing() {
        assertEquals(new CronParser.Result(List.of(), List.of(), List.of()), CronParser.parse("", true));
    }
}
