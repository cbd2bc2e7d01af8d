package dev.ward.detect.builtin;

import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.collect.systemd.SystemdCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.SystemdUnit;
import java.util.ArrayList;
import java.util.Optional;

/**
 * systemd persistence (ATT&CK T1543.002). Units a package installed are not judged here: their
 * integrity is the package verifier's job.
 * <ul>
 * <li>{@code linux.systemd.unowned_enabled_unit}: an enabled unit that no package installed.
 *     Medium; high when an Exec line runs a program from a temporary or hidden directory,
 *     downloads and runs code, or opens a shell to the network. Names the unit file and the links
 *     that enable it.</li>
 * <li>{@code linux.systemd.unowned_drop_in}: a drop-in no package installed, enabled or not, with
 *     the same severities: an {@code ExecStartPre=} added to a packaged {@code ssh.service} runs
 *     whenever ssh starts, and whether that unit is enabled is for another layer to change.</li>
 * <li>{@code linux.systemd.unowned_generator} (high): an executable in a generator directory that
 *     no package installed; systemd runs it as root early at every boot and daemon-reload.</li>
 * </ul>
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
            if (u.packageName() == null && (u.enabled() || u.dropIn())) {
                out.add(finding(u));
            }
        }
        // Listing errors are the collector's to report; this look only names the generators.
        for (var g : SystemdCollector.generators(new HostFiles(scan, name(), new ArrayList<>()))) {
            if (g.packageName() == null) {
                out.add(generator(g));
            }
        }
    }

    private static Finding generator(SystemdCollector.Generator g) {
        String path = g.path().display();
        return Finding.builder("linux.systemd.unowned_generator", Severity.HIGH, "systemd generator no package installed")
                .summary(path + " runs as root early at every boot and daemon-reload")
                .evidence("path", path).evidence("package", Evidence.NO_PACKAGE).evidence("mtime", Evidence.time(g.mtime()))
                .path(path).attack("T1543.002")
                .remediation("Keep a copy of the generator and the units it wrote (under /run/systemd/generator*), "
                        + "remove it, and find how it was installed.").build();
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
        Finding.Builder b = Finding.builder(u.dropIn() ? "linux.systemd.unowned_drop_in" : "linux.systemd.unowned_enabled_unit",
                        worst != null ? Severity.HIGH : Severity.MEDIUM,
                        u.dropIn() ? "systemd drop-in no package installed" : "Enabled systemd unit no package installed")
                .summary(u.name() + " (" + u.path() + ") is " + (u.dropIn() ? "changed by a drop-in" : "enabled")
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
        String remedy = u.dropIn()
                ? "Keep the drop-in and what it runs as evidence, remove it, then systemctl daemon-reload and restart "
                        + u.name() + "; find how it was installed."
                : "Stop and disable the unit (systemctl disable --now " + u.name()
                        + "), keep the unit file and its program as evidence, and find how it was installed.";
        return b.attack("T1543.002").remediation(remedy).build();
    }
}
