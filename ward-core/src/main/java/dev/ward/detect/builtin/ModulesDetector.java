package dev.ward.detect.builtin;

import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.collect.modules.ModulesCollector;
import dev.ward.collect.modules.ModulesParser;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import dev.ward.model.ModuleEntry;
import dev.ward.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code linux.modules.unowned_boot_module} (medium, ATT&CK T1547.006): a module loaded at boot
 * whose {@code .ko} no package installed (a rootkit built on the host), or named by a
 * modules-load file no package installed. An administrator's {@code /etc/modules-load.d/x.conf} for
 * a stock module is the usual benign cause. A module with no {@code .ko} found may be built in.
 *
 * <p>{@code linux.modules.modprobe_command} (high, ATT&CK T1547.006): an {@code install} or
 * {@code remove} line of modprobe.d, which modprobe runs as root through the shell whenever the
 * module is loaded or removed, in a file no package installed; or in any file when the command
 * downloads and runs code or runs a program from a temporary or hidden directory.
 */
public final class ModulesDetector implements Detector {
    @Override
    public String name() {
        return "modules";
    }

    @Override
    public void detect(Scan scan, Results out) {
        boolean dpkg = scan.packages().isPresent();
        List<CollectionError> errors = new ArrayList<>();
        List<ModulesCollector.Command> commands = ModulesCollector.commands(new HostFiles(scan, name(), errors));
        errors.forEach(out::error);
        for (ModulesCollector.Command c : commands) {
            String cmd = c.command().command();
            Indicators.network(cmd).or(() -> Indicators.runsFromTempOrHidden(cmd).map(p -> "runs " + p))
                    .or(() -> dpkg && c.packageName() == null ? Optional.of("in a file owned by no package")
                            : Optional.empty())
                    .ifPresent(why -> out.add(command(c, why)));
        }
        if (!dpkg) {
            return;
        }
        for (ModuleEntry e : out.take(scan.records(new ModulesCollector()))) {
            boolean unownedKo = e.modulePath() != null && e.modulePackage() == null;
            if (!unownedKo && e.packageName() != null) {
                continue;
            }
            String why = unownedKo ? "module file owned by no package" : "listed in a file owned by no package";
            var b = Finding.builder("linux.modules.unowned_boot_module", Severity.MEDIUM,
                            "Kernel module loaded at boot from an unpackaged source")
                    .summary(e.path() + ":" + e.line() + " loads " + e.module() + " (" + why + ")")
                    .evidence("path", e.path()).evidence("line", e.line()).evidence("module", e.module())
                    .evidence("package", Evidence.owner(e.packageName()))
                    .evidence("module_path", e.modulePath() == null ? "not found (built in or absent)" : e.modulePath())
                    .evidence("module_package", e.modulePath() == null ? null : Evidence.owner(e.modulePackage()))
                    .evidence("indicator", why).path(e.path());
            if (e.modulePath() != null) {
                b.path(e.modulePath());
            }
            out.add(b.attack("T1547.006").remediation("Check whether the module is known (modinfo); an unknown "
                    + "one may be a rootkit: image memory before unloading it, then remove the entry.").build());
        }
    }

    private static Finding command(ModulesCollector.Command c, String why) {
        ModulesParser.Command x = c.command();
        return Finding.builder("linux.modules.modprobe_command", Severity.HIGH,
                        "modprobe runs a command when a module is loaded or removed")
                .summary(c.path() + ":" + x.line() + " " + x.directive() + " " + x.module() + " runs " + x.command()
                        + " (" + why + ")")
                .evidence("path", c.path()).evidence("line", x.line()).evidence("directive", x.directive())
                .evidence("module", x.module()).evidence("command", x.command()).evidence("indicator", why)
                .evidence("package", Evidence.owner(c.packageName())).path(c.path()).attack("T1547.006")
                .remediation("Keep a copy of the file and what the command runs, remove the line, and find how it "
                        + "was added; check whether the command already ran (module load times, logs).").build();
    }
}
