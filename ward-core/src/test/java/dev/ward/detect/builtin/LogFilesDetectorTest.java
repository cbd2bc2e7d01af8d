package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.logs.RsyslogTargets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFilesDetectorTest {
    /** Debian 12's /etc/rsyslog.conf rules, as the package ships them. */
    static final String DEBIAN_RULES = """
            #
            # First some standard log files.  Log by facility.
            #
            auth,authpriv.*\t\t\t/var/log/auth.log
            *.*;auth,authpriv.none\t\t-/var/log/syslog
            #cron.*\t\t\t\t/var/log/cron.log
            kern.*\t\t\t\t-/var/log/kern.log
            mail.*\t\t\t\t-/var/log/mail.log
            user.*\t\t\t\t-/var/log/user.log

            #
            # Emergencies are sent to everybody logged in.
            #
            *.emerg\t\t\t\t:omusrmsg:*
            module(load="imuxsock")
            """;

    @TempDir
    Path dir;

    @Test
    void selectorLinesAndWhichAreWrittenAllDay() {
        assertEquals(List.of(
                new RsyslogTargets.Target("/var/log/auth.log", "auth,authpriv.*", 4, true),
                new RsyslogTargets.Target("/var/log/syslog", "*.*;auth,authpriv.none", 5, true),
                new RsyslogTargets.Target("/var/log/kern.log", "kern.*", 7, false),
                new RsyslogTargets.Target("/var/log/mail.log", "mail.*", 8, false),
                new RsyslogTargets.Target("/var/log/user.log", "user.*", 9, false)),
                RsyslogTargets.parse(DEBIAN_RULES));
    }

    @Test
    void missingAndEmptiedLogs() throws Exception {
        PackagedRoot r = new PackagedRoot(dir).write("/etc/rsyslog.conf", DEBIAN_RULES)
                .write("/var/log/auth.log", "").write("/var/log/auth.log.1", "Nov 20 03:00:00 web1 sshd[1]: x\n");
        assertEquals(List.of("medium linux.logs.emptied_log /var/log/auth.log", "medium linux.logs.log_missing /var/log/syslog"),
                PackagedRoot.brief(r.run(new LogFilesDetector())).stream().sorted().toList());
        r.write("/var/log/syslog", "Nov 20 03:00:00 web1 kernel: x\n").write("/var/log/auth.log", "Nov 20 03:00:01 web1 cron[2]: y\n");
        assertEquals(List.of(), r.run(new LogFilesDetector()), "kern.log and the rest may not exist yet: rsyslog makes them on their first message");
    }
}
