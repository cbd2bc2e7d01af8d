package dev.ward.rules;

import static dev.ward.rules.RuleTesting.attrs;
import static dev.ward.rules.RuleTesting.rules;
import static dev.ward.rules.RuleTesting.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.baseline.Attribute;
import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleSetTest {
    private static final String PRECEDENCE = """
            # precedence table fixture
            NORMAL = p+u+g+sha256
            /etc NORMAL
            !/etc/mtab$
            /etc/ssh/ L
            =/srv R
            =/data/ E+p
            /run d p
            /var L
            !/var/log/.*
            /var/log/apt/ >
            /usr/s?bin NORMAL
            """;

    @ParameterizedTest(name = "{0} ({1}) -> {2}")
    @CsvSource(delimiter = '|', value = {
        "/etc/passwd|f|p+u+g+sha256",
        "/etc|d|p+u+g+sha256",
        "/etc/mtab|l|none",
        // deepest node first: /etc/ssh/ hangs on /etc/ssh, deeper than /etc NORMAL on /
        "/etc/ssh/sshd_config|f|p+ftype+i+l+n+u+g+acl+selinux+xattrs+caps",
        // equals: the path itself and, AIDE's quirk, /srvx; never a child
        "/srv|d|p+ftype+i+l+n+u+g+s+m+c+md5+acl+selinux+xattrs+caps",
        "/srvx|f|p+ftype+i+l+n+u+g+s+m+c+md5+acl+selinux+xattrs+caps",
        "/srv/x|f|none",
        // equals ending in '/': the directory and its children, not grandchildren
        "/data|d|p",
        "/data/x|f|p",
        "/data/x/y|f|none",
        // type restriction: only directories under /run
        "/run|d|p",
        "/run/user|d|p",
        "/run/x.pid|f|none",
        "/var/lib/dpkg/status|f|p+ftype+i+l+n+u+g+acl+selinux+xattrs+caps",
        "/var/log/syslog|f|none",
        // a negative rule on a shallower node does not undo a match on a deeper node
        "/var/log/apt/history.log|f|p+ftype+l+u+g+i+n+S+acl+selinux+xattrs+caps",
        "/usr/bin/ls|f|p+u+g+sha256",
        "/usr/sbin/sshd|f|p+u+g+sha256",
        "/usr/lib/x.so|f|none",
        "/opt/x|f|none",
    })
    void precedence(String path, String letter, String expected) throws Exception {
        Optional<Set<Attribute>> got = rules(PRECEDENCE).select(HostPath.of(path), type(letter));
        assertEquals(expected.equals("none") ? Optional.empty() : Optional.of(attrs(expected)), got);
    }

    @Test
    void firstMatchInsideANode() throws Exception {
        RuleSet r = rules("/etc/ p\n/etc/passwd u\n");
        assertEquals(Optional.of(attrs("p")), r.select(HostPath.of("/etc/passwd"), FileType.REGULAR));
    }

    @Test
    void startsAreTheLeadingLiteralDirectories() throws Exception {
        assertEquals(List.of("/data", "/etc", "/run", "/srv", "/usr", "/var"),
                rules(PRECEDENCE).starts().stream().map(HostPath::display).toList());
        assertEquals(List.of("/"), rules("/ R\n").starts().stream().map(HostPath::display).toList());
    }

    @Test
    void descendStopsOnlyWhereNothingCanBeSelected() throws Exception {
        RuleSet all = rules("/ R\n!/proc\n!/dev$\n");
        assertFalse(all.descend(HostPath.of("/proc")));
        assertTrue(all.descend(HostPath.of("/etc")));
        // AIDE 0.18's negative rules recurse: !/dev$ leaves /dev/sda to '/ R'
        assertTrue(all.descend(HostPath.of("/dev")));
        assertTrue(all.select(HostPath.of("/dev/sda"), FileType.BLOCK_DEVICE).isPresent());
        assertTrue(rules("/ R\n!/proc\n/proc/sys/kernel/ R\n").descend(HostPath.of("/proc")));
        RuleSet etc = rules("/etc R\n");
        assertFalse(etc.descend(HostPath.of("/var")));
        assertTrue(etc.descend(HostPath.ROOT));
        assertTrue(rules("/usr/s?bin R\n").descend(HostPath.of("/usr")));
    }

    @Test
    void pathsAreMatchedInEscapedForm() throws Exception {
        RuleSet r = rules("/tmp/a\\\\\\\\\\\\\\\\n R\n/tmp/nl\\\\\\\\n$ p\n");
        assertTrue(r.select(HostPath.ofBytes("/tmp/a\\n".getBytes()), FileType.REGULAR).isPresent());
        assertTrue(r.select(HostPath.ofBytes("/tmp/nl\n".getBytes()), FileType.REGULAR).isPresent());
        assertEquals(List.of(HostPath.ofBytes("/tmp/a\\n".getBytes()), HostPath.ofBytes("/tmp/nl\n".getBytes())), r.starts());
    }

    @Test
    void digestFollowsWhatIsSelectedNotHowItIsWritten() throws Exception {
        String a = rules("# one\nG = p+u\n/etc G\n!/proc\n").digest();
        String b = rules("/etc u+p\n\n!/proc\n").digest();
        assertEquals(a, b);
        assertEquals(64, a.length());
        assertNotEquals(a, rules("/etc p\n!/proc\n").digest());
        assertNotEquals(a, rules("/etc f p+u\n!/proc\n").digest());
    }

    @Test
    void aideOptionsAreAcceptedWithANote() throws Exception {
        RuleSet r = rules("database_in=file:/var/lib/aide/aide.db\ndatabase_out=file:/x\n"
                + "report_url=stdout\ngzip_dbout=yes\nverbose=5\n/etc R\n");
        assertEquals(5, r.notes().size());
        assertTrue(r.notes().get(0).startsWith("t.conf:1: option 'database_in' is AIDE's own setting"));
    }
}
