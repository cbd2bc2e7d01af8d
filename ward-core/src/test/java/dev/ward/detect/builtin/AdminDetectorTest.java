package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Scan;
import dev.ward.detect.Results;
import dev.ward.host.HostRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminDetectorTest {
    @TempDir
    Path dir;

    @Test
    void actionsAnIntrudersWorkLooksLike() throws Exception {
        Path log = dir.resolve("var/log/auth.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, """
                Nov 20 04:00:00 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/usr/bin/apt-get update
                Nov 20 04:01:00 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/bash
                Nov 20 04:02:00 web1 sudo:      www : user NOT in sudoers ; TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/sh
                Nov 20 04:03:00 web1 useradd[6995]: new user: name=sysupd, UID=0, GID=0, home=/var/lib/sysupd, shell=/bin/bash
                Nov 20 04:03:01 web1 useradd[6996]: new user: name=carol, UID=1002, GID=1002, home=/home/carol, shell=/bin/bash
                Nov 20 04:04:00 web1 usermod[7001]: add 'carol' to group 'sudo'
                Nov 20 04:04:01 web1 usermod[7002]: add 'carol' to group 'audio'
                Nov 20 04:05:00 web1 passwd[7003]: pam_unix(passwd:chauthtok): password changed for carol
                """);
        Files.setLastModifiedTime(log, FileTime.from(Instant.parse("2026-11-21T00:00:00Z")));
        try (HostRoot root = HostRoot.open(dir)) {
            Results out = new Results();
            new AdminDetector().detect(new Scan(root, InstantSource.system()), out);
            assertEquals(List.of(
                    "medium linux.logs.sudo_shell alice ran /bin/bash as root at 2026-11-20T04:01:00Z",
                    "medium linux.logs.sudo_denied www was refused /bin/sh as root at 2026-11-20T04:02:00Z",
                    "high linux.logs.account_added account sysupd added (UID=0, GID=0, home=/var/lib/sysupd, shell=/bin/bash) at 2026-11-20T04:03:00Z",
                    "medium linux.logs.account_added account carol added (UID=1002, GID=1002, home=/home/carol, shell=/bin/bash) at 2026-11-20T04:03:01Z",
                    "medium linux.logs.added_to_admin_group carol added to group sudo at 2026-11-20T04:04:00Z",
                    "low linux.logs.password_changed password of carol changed by passwd at 2026-11-20T04:05:00Z"),
                    out.findings().stream().map(f -> f.severity().label() + " " + f.check() + " " + f.summary()).toList());
        }
    }

    @Test
    void packagesThatDisarmOrArm() throws Exception {
        Path log = dir.resolve("var/log/dpkg.log");
        Files.createDirectories(log.getParent());
        Files.writeString(log, """
                2026-11-20 10:00:00 startup archives unpack
                2026-11-20 10:00:01 install curl:amd64 <none> 7.88.1-10+deb12u8
                2026-11-20 10:00:02 install nmap:amd64 <none> 7.93+dfsg1-1
                2026-11-20 10:00:03 install xmrig:amd64 <none> 6.19.0+dfsg-1
                2026-11-20 10:00:04 upgrade auditd:amd64 1:3.0.9-1 1:3.0.9-1+b1
                2026-11-20 10:00:05 remove vim:amd64 2:9.0.1378-2 <none>
                2026-11-20 10:00:06 remove auditd:amd64 1:3.0.9-1+b1 <none>
                2026-11-20 10:00:07 purge rsyslog:amd64 8.2302.0-1 <none>
                """);
        try (HostRoot root = HostRoot.open(dir)) {
            Results out = new Results();
            new AdminDetector().detect(new Scan(root, InstantSource.system()), out);
            assertEquals(List.of(
                    "low linux.logs.attack_tool_installed dpkg installed nmap 7.93+dfsg1-1 at 2026-11-20T10:00:02Z",
                    "medium linux.logs.attack_tool_installed dpkg installed xmrig 6.19.0+dfsg-1 at 2026-11-20T10:00:03Z",
                    "medium linux.logs.security_package_removed dpkg removed auditd (remove 1:3.0.9-1+b1) at 2026-11-20T10:00:06Z",
                    "medium linux.logs.security_package_removed dpkg removed rsyslog (purge 8.2302.0-1) at 2026-11-20T10:00:07Z"),
                    out.findings().stream().map(f -> f.severity().label() + " " + f.check() + " " + f.summary()).toList());
        }
    }
}
