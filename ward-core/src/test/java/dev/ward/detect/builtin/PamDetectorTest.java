package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PamDetectorTest {
    static final String SEC = "/usr/lib/x86_64-linux-gnu/security/";
    /** Debian 12's pam-auth-update output: a trailing "required pam_permit" after "requisite pam_deny". */
    static final String COMMON_AUTH = "auth\t[success=1 default=ignore]\tpam_unix.so nullok\n"
            + "auth\trequisite\t\t\tpam_deny.so\nauth\trequired\t\t\tpam_permit.so\n";
    static final String COMMON_ACCOUNT = "account\t[success=1 new_authtok_reqd=done default=ignore]\tpam_unix.so\n"
            + "account\trequisite\t\t\tpam_deny.so\naccount\trequired\t\t\tpam_permit.so\n";

    @TempDir
    Path dir;

    private PackagedRoot stock() throws Exception {
        return new PackagedRoot(dir)
                .packaged("libpam-modules", SEC + "pam_unix.so", "so")
                .packaged("libpam-modules", SEC + "pam_deny.so", "so")
                .packaged("libpam-modules", SEC + "pam_permit.so", "so")
                .packaged("libpam-modules", SEC + "pam_exec.so", "so")
                .write("/etc/pam.d/common-auth", COMMON_AUTH)
                .write("/etc/pam.d/common-account", COMMON_ACCOUNT)
                .packaged("login", "/etc/pam.d/login", "auth optional pam_faildelay.so delay=3000000\n"
                        + "@include common-auth\n-session optional pam_systemd.so\n")
                .packaged("gdm3", "/etc/pam.d/gdm-autologin", "auth requisite pam_nologin.so\n"
                        + "auth required pam_succeed_if.so user != root quiet_success\nauth required pam_permit.so\n");
    }

    @Test
    void permitBackdoorsAndUnownedModule() throws Exception {
        PackagedRoot root = stock()
                .write("/etc/pam.d/sshd", "auth sufficient pam_permit.so\n@include common-auth\n"
                        + "account required pam_permit.so\n")
                .write(SEC + "pam_unix2.so", "so")
                .write("/etc/pam.d/su", "auth [success=done default=die] " + SEC + "pam_unix2.so\n");
        List<Finding> f = root.run(new PamDetector());
        assertEquals(List.of("critical linux.pam.permit /etc/pam.d/sshd", "high linux.pam.permit /etc/pam.d/sshd",
                "high linux.pam.unowned_module /etc/pam.d/su," + SEC + "pam_unix2.so"), PackagedRoot.brief(f));
        assertEquals(1, f.get(0).evidence().get("line"));
        assertEquals("sufficient", f.get(0).evidence().get("control"));
        assertEquals("no package", f.get(2).evidence().get("module_package"));
        assertEquals(List.of("T1556.003"), f.get(2).attack());
    }

    @Test
    void debianStacksAreQuiet() throws Exception {
        assertEquals(List.of(), stock().run(new PamDetector()));
    }

    @Test
    void bracketedPermitThatJumpsOverPamUnix() throws Exception {
        List<Finding> f = stock()
                .write("/etc/pam.d/sshd", "auth [success=2 default=ignore] pam_permit.so\n@include common-auth\n"
                        + "account [default=ok] pam_permit.so\nauth [success=ignore default=bad] pam_permit.so\n")
                .run(new PamDetector());
        assertEquals(List.of("critical linux.pam.permit /etc/pam.d/sshd", "high linux.pam.permit /etc/pam.d/sshd"),
                PackagedRoot.brief(f));
    }

    @Test
    void modulesNamedByPathOutsideTheModuleDirectories() throws Exception {
        List<Finding> f = stock()
                .write("/dev/shm/.x.so", "so")
                .write("/opt/pam/pam_sso.so", "so")
                .write("/etc/pam.d/sshd", "auth sufficient ../../../../../dev/shm/.x.so\n"
                        + "auth optional /opt/pam/pam_sso.so\nauth optional ../security/pam_deny.so\n")
                .run(new PamDetector());
        assertEquals(List.of("critical linux.pam.module_outside_libdir /etc/pam.d/sshd,/dev/shm/.x.so",
                "high linux.pam.module_outside_libdir /etc/pam.d/sshd,/opt/pam/pam_sso.so"), PackagedRoot.brief(f));
        assertEquals("/dev/shm/.x.so", f.get(0).evidence().get("module_path"));
    }

    @Test
    void vendorDirectoryAndPamConf() throws Exception {
        List<Finding> f = new PackagedRoot(dir)
                .packaged("libpam-modules", SEC + "pam_permit.so", "so")
                .write("/usr/lib/pam.d/su", "auth sufficient pam_permit.so\n")
                .write("/etc/pam.conf", "sshd account sufficient pam_permit.so\n")
                .run(new PamDetector());
        assertEquals(List.of("critical linux.pam.permit /usr/lib/pam.d/su", "high linux.pam.permit /etc/pam.conf"),
                PackagedRoot.brief(f));
        List<Finding> shadowed = new PackagedRoot(dir)
                .write("/etc/pam.d/su", "auth required pam_unix.so\n")
                .run(new PamDetector());
        assertEquals(List.of(), PackagedRoot.brief(shadowed));
    }
}
