package dev.ward.collect.dpkg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.host.HostPath;
import dev.ward.model.InstalledPackage;
import dev.ward.model.InstalledPackage.Conffile;
import dev.ward.model.PackageFile.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DpkgParsersTest {
    /** Stanzas as dpkg 1.21 writes them, a multi-line Description and a Conffiles field among them. */
    static final String STATUS = """
            Package: openssh-server
            Status: install ok installed
            Priority: optional
            Section: net
            Installed-Size: 1899
            Architecture: amd64
            Version: 1:9.2p1-2+deb12u3
            Conffiles:
             /etc/default/ssh 500e3cf069fe9a7b9936108eb9d9c035
             /etc/init.d/ssh 3649a6fe8c18ad1d5245fd91737de507
             /etc/ssh/moduli 14bf3a5e2b5f4c3a2e5b6a7d8c9e0f12 obsolete
             /etc/ssh/sshd_not_yet newconffile
            Description: secure shell (SSH) server, for secure access from remote machines
             This is the portable version of OpenSSH.
             .
             It replaces the insecure rshd program.

            Package: libc6
            Status: install ok installed
            Architecture: amd64
            Multi-Arch: same
            Version: 2.36-9+deb12u10

            Package: libc6
            Status: install ok installed
            Architecture: i386
            Multi-Arch: same
            Version: 2.36-9+deb12u10

            Package: oldthing
            Status: deinstall ok config-files
            Architecture: all
            Version: 1.0
            Conffiles:
             /etc/oldthing.conf 0123456789abcdef0123456789abcdef
            """;

    @Test
    void statusKeepsStateArchitectureAndConffiles() {
        List<InstalledPackage> p = StatusParser.parse(STATUS);
        assertEquals(4, p.size());
        InstalledPackage ssh = p.getFirst();
        assertEquals("openssh-server", ssh.name());
        assertEquals("1:9.2p1-2+deb12u3", ssh.version());
        assertEquals("installed", ssh.state());
        assertTrue(ssh.hasFiles());
        assertEquals(List.of(
                new Conffile("/etc/default/ssh", "500e3cf069fe9a7b9936108eb9d9c035", false),
                new Conffile("/etc/init.d/ssh", "3649a6fe8c18ad1d5245fd91737de507", false),
                new Conffile("/etc/ssh/moduli", "14bf3a5e2b5f4c3a2e5b6a7d8c9e0f12", true),
                new Conffile("/etc/ssh/sshd_not_yet", "newconffile", false)), ssh.conffiles());
        assertEquals("i386", p.get(2).architecture());
        assertEquals("config-files", p.get(3).state());
        assertFalse(p.get(3).hasFiles(), "only its conffiles are left");
        assertEquals("apt-get install --reinstall libc6:i386", p.get(2).reinstallCommand(true));
    }

    @Test
    void md5sumsAreSplitAsBytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("""
                d41d8cd98f00b204e9800998ecf8427e  usr/bin/ls
                not a line
                0123456789ABCDEF0123456789ABCDEF  usr/share/doc/x y/README
                """.getBytes(StandardCharsets.UTF_8));
        b.writeBytes("00000000000000000000000000000000  opt/".getBytes(StandardCharsets.UTF_8));
        b.write(0xff);
        b.write('\n');
        Map<HostPath, String> sums = Md5sumsParser.parse(b.toByteArray());
        assertEquals(3, sums.size());
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", sums.get(HostPath.of("/usr/bin/ls")));
        assertEquals("0123456789abcdef0123456789abcdef", sums.get(HostPath.of("/usr/share/doc/x y/README")));
        assertTrue(sums.containsKey(HostPath.ofBytes(new byte[] {'/', 'o', 'p', 't', '/', (byte) 0xff})));
    }

    @Test
    void diversionsMoveAnotherPackagesFileOnly() {
        Diversions d = Diversions.parse("""
                /usr/bin/locate
                /usr/bin/locate.notslocate
                mlocate
                /etc/issue
                /etc/issue.orig
                :
                """);
        assertEquals(2, d.size());
        assertEquals(HostPath.of("/usr/bin/locate.notslocate"), d.onDisk(HostPath.of("/usr/bin/locate"), "findutils"));
        assertEquals(HostPath.of("/usr/bin/locate"), d.onDisk(HostPath.of("/usr/bin/locate"), "mlocate"),
                "the diverting package's own file stays at the path");
        assertEquals(HostPath.of("/etc/issue.orig"), d.onDisk(HostPath.of("/etc/issue"), "base-files"),
                "a local diversion moves every package's file");
        assertEquals(HostPath.of("/usr/bin/ls"), d.onDisk(HostPath.of("/usr/bin/ls"), "coreutils"));
    }

    @Test
    void kindsFollowTheDirectory() {
        assertEquals(Kind.BINARY, Kind.of("/usr/bin/ls", false));
        assertEquals(Kind.BINARY, Kind.of("/sbin/init", false));
        assertEquals(Kind.BINARY, Kind.of("/usr/libexec/sudo/sudo_intercept.so", false));
        assertEquals(Kind.LIBRARY, Kind.of("/usr/lib/x86_64-linux-gnu/libpam.so.0.85.1", false));
        assertEquals(Kind.LIBRARY, Kind.of("/lib64/ld-linux-x86-64.so.2", false));
        assertEquals(Kind.CONFIG, Kind.of("/etc/pam.d/sshd", false));
        assertEquals(Kind.CONFIG, Kind.of("/usr/lib/x/y.conf", true), "a conffile is config wherever it is");
        assertEquals(Kind.OTHER, Kind.of("/usr/share/doc/coreutils/README", false));
    }
}
