package dev.ward.rules;

import static dev.ward.rules.RuleTesting.attrs;
import static dev.ward.rules.RuleTesting.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.baseline.Attribute;
import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The examples of aide.conf(5), read as ward reads them. */
class RuleManPageTest {
    private static final Set<Attribute> R = attrs("p+ftype+i+l+n+u+g+s+m+c+md5+acl+selinux+xattrs+caps");

    private static Optional<Set<Attribute>> sel(RuleSet r, String path, FileType type) {
        return r.select(HostPath.of(path), type);
    }

    @Test
    void slashRIsAWholeConfiguration() throws Exception {
        RuleSet r = rules("/ R\n");
        assertEquals(Optional.of(R), sel(r, "/", FileType.DIRECTORY));
        assertEquals(Optional.of(R), sel(r, "/etc/passwd", FileType.REGULAR));
    }

    @Test
    void equalsRules() throws Exception {
        RuleSet foo = rules("=/foo R\n");
        assertTrue(sel(foo, "/foo", FileType.DIRECTORY).isPresent());
        assertTrue(sel(foo, "/foobar", FileType.DIRECTORY).isPresent());
        assertFalse(sel(foo, "/foo/file", FileType.REGULAR).isPresent());
        RuleSet fooSlash = rules("=/foo/ R\n");
        assertTrue(sel(fooSlash, "/foo", FileType.DIRECTORY).isPresent());
        assertTrue(sel(fooSlash, "/foo/file", FileType.REGULAR).isPresent());
        assertTrue(sel(fooSlash, "/foo/directory", FileType.DIRECTORY).isPresent());
        assertFalse(sel(fooSlash, "/foo/directory/bar", FileType.REGULAR).isPresent());
    }

    @Test
    void restrictedRules() throws Exception {
        RuleSet df = rules("/ d,f R\n");
        assertTrue(sel(df, "/etc", FileType.DIRECTORY).isPresent());
        assertTrue(sel(df, "/etc/passwd", FileType.REGULAR).isPresent());
        assertFalse(sel(df, "/etc/mtab", FileType.SYMLINK).isPresent());
        RuleSet noDirs = rules("!/run d\n/run R\n");
        assertFalse(sel(noDirs, "/run/lock", FileType.DIRECTORY).isPresent());
        assertEquals(Optional.of(R), sel(noDirs, "/run/utmp", FileType.REGULAR));
        RuleSet dirRule = rules("/run d R-m-c-i\n/run R\n");
        Set<Attribute> dirAttrs = attrs("p+ftype+l+n+u+g+s+md5+acl+selinux+xattrs+caps");
        assertEquals(Optional.of(dirAttrs), sel(dirRule, "/run/lock", FileType.DIRECTORY));
        assertEquals(Optional.of(R), sel(dirRule, "/run/utmp", FileType.REGULAR));
        assertEquals(Optional.of(R), sel(rules("/ 0 R\n"), "/x", FileType.SOCKET));
    }

    @Test
    void suggestedGroups() throws Exception {
        RuleSet r = rules("""
                Checksums = sha256+sha512
                OwnerMode = p+u+g+ftype
                Size = s+b
                InodeData = OwnerMode+n+i+Size+l+X
                StaticFile = m+c+Checksums
                Full = InodeData+StaticFile
                VarTime = InodeData+Checksums
                VarInode = VarTime-i
                VarFile = OwnerMode+n+l+X
                VarDir = OwnerMode+n+i+X
                RecreatedDir = OwnerMode+n+X
                /etc/ssl/certs/ca-certificates\\\\.crt$ VarTime
                /var/lib/nfs/etab$ f VarInode
                /etc/resolv\\\\.conf$ f VarFile
                /var/lib/snmp$ d VarDir
                /run/samba$ d RecreatedDir
                /usr 0 Full
                """);
        String x = "+acl+selinux+xattrs+caps";
        assertEquals(Optional.of(attrs("p+u+g+ftype+n+i+s+b+l+m+c+sha256+sha512" + x)),
                sel(r, "/usr/bin/ls", FileType.REGULAR));
        assertEquals(Optional.of(attrs("p+u+g+ftype+n+s+b+l+sha256+sha512" + x)),
                sel(r, "/var/lib/nfs/etab", FileType.REGULAR));
        assertEquals(Optional.of(attrs("p+u+g+ftype+n+l" + x)), sel(r, "/etc/resolv.conf", FileType.REGULAR));
        assertFalse(sel(r, "/etc/resolvXconf", FileType.REGULAR).isPresent());
        assertFalse(sel(r, "/etc/resolv.conf", FileType.SYMLINK).isPresent());
        assertEquals(Optional.of(attrs("p+u+g+ftype+n+i" + x)), sel(r, "/var/lib/snmp", FileType.DIRECTORY));
        assertEquals(Optional.of(attrs("p+u+g+ftype+n" + x)), sel(r, "/run/samba", FileType.DIRECTORY));
    }

    @Test
    void growingLogAndEmptyGroups() throws Exception {
        RuleSet r = rules("/var/log >\n/srv E\n/opt H\n");
        assertEquals(Optional.of(attrs("p+ftype+l+u+g+i+n+S+acl+selinux+xattrs+caps")),
                sel(r, "/var/log/syslog", FileType.REGULAR));
        assertEquals(Optional.of(Set.of()), sel(r, "/srv/x", FileType.REGULAR));
        assertEquals(Optional.of(attrs("sha256+sha512+sha1+md5")), sel(r, "/opt/x", FileType.REGULAR));
    }
}
