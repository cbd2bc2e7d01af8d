package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.systemd.SystemdCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.SystemdUnit;
import java.util.Optional;

/**
 * {@code linux.systemd.unowned_enabled_unit}: an enabled unit (or drop-in of one) that no package
 * installed (ATT&CK T1543.002). Medium; high when an Exec line runs a program from a temporary or
 * hidden directory, downloads and runs code, or opens a shell to the network. The finding names the
 * unit file and the links that enable it. Units a package installed are not judged here: their
 * integrity is the package verifier's job.
 */
public final class SystemdDetector implements Detector {
    @Override
    public String name() {
        return "systemd";
    }

    @Override
    public void detect(Scan scan, Results out) {
        if (!scan.packages().isPresent()) {
            return;
        }
        for (SystemdUnit u : out.take(scan.records(new SystemdCollector()))) {
            if (u.enabled() && u.packageName() == null) {
                out.add(finding(u));
            }
        }
    }

    private static Finding finding(SystemdUnit u) {
        SystemdUnit.Exec worst = null;
        String why = null;
        for (SystemdUnit.Exec x : u.execs()) {
            Optional<String> bad = Indicators.downloadAndRun(x.command())
                    .or(() -> Indicators.runsFromTempOrHidden(x.command()).map(p -> "runs " + p));
            if (bad.isPresent()) {
                worst = x;
                why = bad.get();
                break;
            }
        }
        SystemdUnit.Exec shown = worst != null ? worst : u.execs().stream().findFirst().orElse(null);
        Finding.Builder b = Finding.builder("linux.systemd.unowned_enabled_unit",
                        worst != null ? Severity.HIGH : Severity.MEDIUM, "Enabled systemd unit no package installed")
                .summary(u.name() + " (" + u.path() + ") is enabled"
                        + (shown != null ? " and runs " + shown.command() : "") + (why != null ? " (" + why + ")" : ""))
                .evidence("unit", u.name()).evidence("path", u.path()).evidence("scope", u.scope())
                .evidence("enabled_by", u.enabledBy());
        if (shown != null) {
            b.evidence("line", shown.line()).evidence("key", shown.key()).evidence("command", shown.command());
        }
        b.evidence("timers", u.timers().isEmpty() ? null : u.timers()).evidence("indicator", why)
                .evidence("package", Evidence.NO_PACKAGE).evidence("mtime", Evidence.time(u.mtime()))
                .path(u.path());
        u.enabledBy().forEach(b::path);
        return b.attack("T1543.002").remediation("Stop and disable the unit (systemctl disable --now " + u.name()
                + "), keep the unit file and its program as evidence, and find how it was installed.").build();
    }
}
