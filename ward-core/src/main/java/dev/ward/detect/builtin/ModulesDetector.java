package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.modules.ModulesCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.ModuleEntry;
import dev.ward.model.Severity;

/**
 * {@code linux.modules.unowned_boot_module} (medium, ATT&CK T1547.006): a module loaded at boot
 * whose {@code .ko} no package installed (a rootkit built on the host), or named by a
 * modules-load file no package installed. An administrator's {@code /etc/modules-load.d/x.conf} for
 * a stock module is the usual benign cause. A module with no {@code .ko} found may be built in.
 */
public final class ModulesDetector implements Detector {
    @Override
    public String name() {
        return "modules";
    }

    @Override
    public void detect(Scan scan, Results out) {
        if (!scan.packages().isPresent()) {
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
}
