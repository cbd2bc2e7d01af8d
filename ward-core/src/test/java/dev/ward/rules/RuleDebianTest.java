package dev.ward.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.baseline.Attribute;
import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shipped default for Debian hosts parses and selects what it says it does. */
class RuleDebianTest {
    private static Set<Attribute> sel(RuleSet r, String path, FileType type) {
        return r.select(HostPath.of(path), type).orElse(null);
    }

    @Test
    void binariesAreHashedAndPseudoFileSystemsSkipped() throws Exception {
        RuleSet r = RuleSet.debianDefault("host");
        assertTrue(sel(r, "/usr/bin/ls", FileType.REGULAR).contains(Attribute.SHA256));
        assertTrue(sel(r, "/usr/lib/modules/6.1.0-18-amd64/kernel/fs/ext4/ext4.ko", FileType.REGULAR)
                .contains(Attribute.SHA256));
        assertTrue(sel(r, "/boot/vmlinuz-6.1.0-18-amd64", FileType.REGULAR).contains(Attribute.SHA256));
        assertTrue(sel(r, "/etc/shadow", FileType.REGULAR).contains(Attribute.SHA256));
        assertEquals(null, sel(r, "/proc/1", FileType.DIRECTORY));
        assertEquals(null, sel(r, "/proc/1/exe", FileType.SYMLINK));
        assertFalse(r.descend(HostPath.of("/proc")));
        assertFalse(r.descend(HostPath.of("/tmp")));
        assertFalse(r.descend(HostPath.of("/home")));
        assertEquals(null, sel(r, "/var/lib/apt/lists/deb.debian.org_dists", FileType.REGULAR));
    }

    @Test
    void logsGrowAndConfigDirectoriesHaveNoTimes() throws Exception {
        RuleSet r = RuleSet.debianDefault("host");
        Set<Attribute> log = sel(r, "/var/log/auth.log", FileType.REGULAR);
        assertTrue(log.contains(Attribute.GROWING));
        assertFalse(log.contains(Attribute.SHA256));
        assertEquals(null, sel(r, "/var/log/journal/abc/system.journal", FileType.REGULAR));
        assertFalse(sel(r, "/etc/cron.d", FileType.DIRECTORY).contains(Attribute.MTIME));
        assertFalse(sel(r, "/etc/resolv.conf", FileType.REGULAR).contains(Attribute.SHA256));
        assertTrue(sel(r, "/root/.ssh/authorized_keys", FileType.REGULAR).contains(Attribute.SHA256));
        assertEquals(null, sel(r, "/root/.bash_history", FileType.REGULAR));
    }

    @Test
    void startsAndNotes() throws Exception {
        RuleSet r = RuleSet.debianDefault("host");
        assertEquals("/bin /boot /etc /lib /lib64 /opt /root /sbin /usr/bin /usr/lib /usr/lib64 /usr/libexec "
                + "/usr/local /usr/sbin /var/log /var/spool/cron",
                String.join(" ", r.starts().stream().map(HostPath::display).toList()));
        assertEquals(64, r.digest().length());
        assertTrue(r.notes().isEmpty());
    }
}
