package dev.ward.run;

import dev.ward.collect.Collector;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.collect.cron.CronCollector;
import dev.ward.collect.devfs.DevCollector;
import dev.ward.collect.dpkg.PackageFilesCollector;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.logs.LastlogCollector;
import dev.ward.collect.logs.UtmpCollector;
import dev.ward.collect.modules.ModulesCollector;
import dev.ward.collect.pam.PamCollector;
import dev.ward.collect.preload.PreloadCollector;
import dev.ward.collect.script.ScriptCollector;
import dev.ward.collect.setid.SetIdCollector;
import dev.ward.collect.ssh.AuthorizedKeysCollector;
import dev.ward.collect.sudo.SudoDefaultCollector;
import dev.ward.collect.sudo.SudoRuleCollector;
import dev.ward.collect.systemd.SystemdCollector;
import dev.ward.collect.trust.TrustCollector;
import dev.ward.collect.udev.UdevCollector;
import dev.ward.collect.unowned.UnownedCollector;
import dev.ward.collect.webshell.WebShellCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.builtin.AdminDetector;
import dev.ward.detect.builtin.CronDetector;
import dev.ward.detect.builtin.CronLogDetector;
import dev.ward.detect.builtin.DevDetector;
import dev.ward.detect.builtin.DuplicateUidDetector;
import dev.ward.detect.builtin.KernelDetector;
import dev.ward.detect.builtin.LogFilesDetector;
import dev.ward.detect.builtin.NetDetector;
import dev.ward.detect.builtin.LogRhythmDetector;
import dev.ward.detect.builtin.LoginDetector;
import dev.ward.detect.builtin.ModulesDetector;
import dev.ward.detect.builtin.PackageFilesDetector;
import dev.ward.detect.builtin.PackageTimesDetector;
import dev.ward.detect.builtin.PamDetector;
import dev.ward.detect.builtin.PreloadDetector;
import dev.ward.detect.builtin.ProcessDetector;
import dev.ward.detect.builtin.SetIdDetector;
import dev.ward.detect.builtin.SshKeyDetector;
import dev.ward.detect.builtin.StartupScriptDetector;
import dev.ward.detect.builtin.SudoDetector;
import dev.ward.detect.builtin.SystemdDetector;
import dev.ward.detect.builtin.TrustDetector;
import dev.ward.detect.builtin.UnownedDetector;
import dev.ward.detect.builtin.UtmpDetector;
import dev.ward.detect.builtin.WebLogDetector;
import dev.ward.detect.builtin.WebShellDetector;
import dev.ward.detect.checks.Check;
import dev.ward.detect.checks.CheckCatalog;
import dev.ward.detect.checks.CheckDetector;
import dev.ward.detect.checks.CheckFormatException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The registry of what each command runs: the sources YAML checks may name, and the Java
 * detectors. A new source or detector is one line here.
 */
public final class Checks {
    private Checks() {
    }

    /** Every source a YAML check can run over, by its {@code source:} name. */
    public static List<Collector<?>> sources() {
        return List.of(
                new AccountsCollector(),
                new AuthorizedKeysCollector(),
                new SudoRuleCollector(),
                new SudoDefaultCollector(),
                new TrustCollector(),
                new CronCollector(),
                new SystemdCollector(),
                new ScriptCollector(),
                new PreloadCollector(),
                new ModulesCollector(),
                new PamCollector(),
                new UdevCollector(),
                new WebShellCollector(),
                new DevCollector(),
                new SetIdCollector(),
                new PackageFilesCollector(),
                new UnownedCollector(),
                new AuthLogCollector(),
                new UtmpCollector(),
                new LastlogCollector());
    }

    /** The Java detectors of {@code ward triage}. */
    static List<Detector> builtin() {
        List<Detector> all = new ArrayList<>(List.of(
                new DuplicateUidDetector(),
                new TrustDetector(),
                new SshKeyDetector(),
                new SudoDetector(),
                new CronDetector(),
                new SystemdDetector(),
                new StartupScriptDetector(),
                new PreloadDetector(),
                new ModulesDetector(),
                new PamDetector(),
                new WebShellDetector(),
                new DevDetector(),
                new SetIdDetector()));
        all.addAll(packages());
        all.addAll(logs(new AuthLogCollector()));
        all.add(new ProcessDetector());
        all.add(new KernelDetector());
        all.add(new NetDetector());
        return all;
    }

    /** What {@code ward packages} runs: the package database against the files on disk. */
    public static List<Detector> packages() {
        return packages(UnownedCollector.DEFAULT_DIRS);
    }

    /** The same, looking for unpackaged programs in {@code systemDirs}. */
    public static List<Detector> packages(List<String> systemDirs) {
        return List.of(new PackageFilesDetector(), new UnownedDetector(systemDirs), new PackageTimesDetector());
    }

    /** What {@code ward logs} runs: the authentication logs {@code logs} reads, wtmp and btmp, web logs. */
    public static List<Detector> logs(AuthLogCollector logs) {
        return List.of(new LoginDetector(logs), new AdminDetector(logs), new UtmpDetector(logs), new LogFilesDetector(),
                new LogRhythmDetector(logs), new WebLogDetector(), new CronLogDetector(logs));
    }

    /** The catalog's checks, one detector per source, after checking every source they name exists. */
    public static List<Detector> yaml(CheckCatalog catalog) throws CheckFormatException {
        Set<String> known = sources().stream().map(Collector::source).collect(Collectors.toSet());
        for (Check c : catalog.all()) {
            if (!known.contains(c.source())) {
                throw c.at().error("unknown source '" + c.source() + "' (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
        List<Detector> all = new ArrayList<>();
        for (Collector<?> source : sources()) {
            all.add(CheckDetector.of(catalog, source));
        }
        return all;
    }

    /** Everything {@code ward triage} runs: no baseline needed, live host or image. */
    public static List<Detector> triage(CheckCatalog catalog) throws CheckFormatException {
        List<Detector> all = new ArrayList<>(yaml(catalog));
        all.addAll(builtin());
        return all;
    }
}
