package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.pam.PamCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.PamEntry;
import dev.ward.model.Severity;
import java.util.regex.Pattern;

/**
 * PAM backdoors (ATT&CK T1556.003):
 * <ul>
 * <li>{@code linux.pam.permit} : {@code pam_permit.so} deciding an auth stack (critical: any
 *     password works) or an account stack (high) as {@code sufficient}, or as {@code required} /
 *     {@code requisite} with no {@code pam_deny.so} before it. Debian's pam-auth-update files end
 *     with {@code requisite pam_deny.so} then {@code required pam_permit.so}: that tail is harmless
 *     and is not reported.</li>
 *     In brackets, a {@code success=} or {@code default=} of ok, done or a jump counts too:
 *     {@code auth [success=2 default=ignore] pam_permit.so} before pam_unix jumps over it.</li>
 * <li>{@code linux.pam.module_outside_libdir} (high; critical in /tmp, /var/tmp, /dev/shm or a
 *     hidden directory): a module named by a path ({@code /opt/x.so}, or {@code ../../dev/shm/x.so},
 *     which libpam prefixes with its module directory) that lies outside the module directories.</li>
 * <li>{@code linux.pam.unowned_module} (high): a module file found in the root that no package
 *     installed, the shape of a password-logging pam_unix replacement.</li>
 * </ul>
 * {@code pam_exec.so}, {@code pam_script.so} and {@code pam_python.so} lines are the YAML check
 * {@code linux.pam.exec_module}.
 */
public final class PamDetector implements Detector {
    /** {@code success=} or {@code default=} returning ok or done, or jumping over what follows. */
    private static final Pattern BRACKET_PASS = Pattern.compile("[\\[ \t](success|default)=(ok|done|[0-9]+)([ \t\\]]|$)");

    @Override
    public String name() {
        return "pam";
    }

    @Override
    public void detect(Scan scan, Results out) {
        boolean dpkg = scan.packages().isPresent();
        for (PamEntry e : out.take(scan.records(new PamCollector()))) {
            if (e.module().endsWith("pam_permit.so") && permits(e)) {
                Severity s = e.type().equals("auth") ? Severity.CRITICAL : Severity.HIGH;
                out.add(base(e, "linux.pam.permit", s, "PAM stack accepts anyone through pam_permit")
                        .summary(e.path() + ":" + e.line() + " lets pam_permit decide " + e.type() + ": " + e.text())
                        .remediation("Restore the file from the package (or pam-auth-update), keep a copy, and "
                                + "treat every login since its mtime as possibly the intruder's.").build());
            } else if (outside(e)) {
                String where = e.modulePath() != null ? e.modulePath() : e.module();
                Severity s = tempOrHidden(where) ? Severity.CRITICAL : Severity.HIGH;
                out.add(base(e, "linux.pam.module_outside_libdir", s, "PAM module loaded from outside its directories")
                        .summary(e.path() + ":" + e.line() + " loads " + where + ": " + e.text())
                        .path(where)
                        .remediation("Keep the module as evidence, remove the line, and change the passwords "
                                + "used on this host since the module's mtime: it may log them.").build());
            } else if (dpkg && e.modulePath() != null && e.modulePackage() == null) {
                out.add(base(e, "linux.pam.unowned_module", Severity.HIGH, "PAM module no package installed")
                        .summary(e.path() + ":" + e.line() + " loads " + e.modulePath() + ", owned by no package")
                        .path(e.modulePath())
                        .remediation("Keep the module as evidence, remove the line, and change the passwords "
                                + "used on this host since the module's mtime: it may log them.").build());
            }
        }
    }

    static boolean permits(PamEntry e) {
        if (!e.type().equals("auth") && !e.type().equals("account")) {
            return false;
        }
        String c = e.control();
        // A packaged stack may end in "required pam_permit.so" on purpose (gdm-autologin); whether the
        // package's file was edited is the package verifier's question, so only unpackaged files
        // (pam-auth-update's common-* among them) are judged on that shape.
        boolean mustPass = (c.equals("required") || c.equals("requisite")) && !e.denyBefore() && e.packageName() == null;
        return c.equals("sufficient") || BRACKET_PASS.matcher(c).find() || mustPass;
    }

    /** A module written as a path ("/" or "..") that is not in a module directory. */
    static boolean outside(PamEntry e) {
        if (!e.module().contains("/")) {
            return false;
        }
        return e.modulePath() == null ? e.module().startsWith("/") || e.module().contains("..")
                : !PamCollector.inModuleDir(e.modulePath());
    }

    private static boolean tempOrHidden(String path) {
        return Indicators.isTemp(path) || path.contains("/tmp/") || path.contains("/dev/shm/")
                || Pattern.compile("(^|/)\\.[^./]").matcher(path).find();
    }

    private static Finding.Builder base(PamEntry e, String check, Severity s, String title) {
        return Finding.builder(check, s, title)
                .evidence("path", e.path()).evidence("line", e.line()).evidence("text", e.text())
                .evidence("type", e.type()).evidence("control", e.control()).evidence("module", e.module())
                .evidence("module_path", e.modulePath()).evidence("module_package",
                        e.modulePath() == null ? null : Evidence.owner(e.modulePackage()))
                .evidence("package", Evidence.owner(e.packageName()))
                .path(e.path()).attack("T1556.003");
    }
}
