package dev.ward.cli;

import dev.ward.cli.options.Durations;
import dev.ward.cli.options.ReportOptions;
import dev.ward.collect.procs.ProcessBaseline;
import dev.ward.collect.procs.ProcessCollector;
import dev.ward.collect.procs.WatchCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.builtin.ExpectedProcessesDetector;
import dev.ward.detect.builtin.KernelDetector;
import dev.ward.detect.builtin.ProcessDetector;
import dev.ward.detect.builtin.SelfCheck;
import dev.ward.host.HostRoot;
import dev.ward.host.InputFile;
import dev.ward.model.Finding;
import dev.ward.report.Report;
import dev.ward.run.ProcsSummary;
import dev.ward.run.Triage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ward procs}: the live host's processes, their CPU measured, and what hides or looks planted. */
@Command(name = "procs", mixinStandardHelpOptions = true,
        description = "List the live host's processes and find hidden, deleted, disguised and reverse-shell ones.",
        footer = {
            "",
            "Lists /proc past libc (getdents64) and compares it with what readdir shows and with",
            "every pid kill(2) answers for. Run as root to see every process's executable and",
            "environment. Examples:",
            "  ward procs",
            "  ward procs --sample 5s --format json",
            "  ward procs --watch 10m",
        })
final class ProcsCommand implements Callable<Integer> {
    /** The most a policy file (--baseline, --expect) may hold: far beyond any host's, short of /dev/zero. */
    static final long POLICY_LIMIT = 16L * 1024 * 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions report;

    @Option(names = "--sample", paramLabel = "DURATION", defaultValue = "1s",
            description = "Measure CPU use over DURATION (500ms, 2s, 1m; default ${DEFAULT-VALUE}; 0 not to).")
    String sample;

    @Option(names = "--watch", paramLabel = "DURATION", defaultValue = "0",
            description = "Watch for DURATION (30s, 10m) for processes that come and go, counting each kind's runs.")
    String watch;

    @Option(names = "--save-baseline", paramLabel = "FILE",
            description = "Write what runs now (user, executable, arguments) to FILE, for --baseline later.")
    Path saveBaseline;

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Report the kinds of process FILE (from --save-baseline) does not hold.")
    Path baseline;

    @Override
    public Integer call() throws Exception {
        ProcessCollector processes = new ProcessCollector(Durations.parse(spec, "--sample", sample));
        WatchCollector watched = new WatchCollector(Durations.parse(spec, "--watch", watch));
        List<Detector> detectors = new ArrayList<>(List.of(new ProcessDetector(processes, watched), new KernelDetector()));
        if (baseline != null) {
            detectors.add(new ExpectedProcessesDetector(processes, expected(baseline), baseline.toString()));
        }
        try (HostRoot live = HostRoot.live()) {
            List<Finding> self = SelfCheck.run(live, System.getenv());
            Report result = Snapshot.run(new Triage(detectors, InstantSource.system(), ProcsSummary.of(processes, watched)),
                    live, self, saveBaseline, scan -> ProcessBaseline.write(scan.records(processes).records()));
            return report.emit(result, System.out);
        }
    }

    private Set<String> expected(Path file) throws IOException {
        try {
            return ProcessBaseline.read(InputFile.text(file, POLICY_LIMIT), file.toString());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--baseline: " + e.getMessage());
        }
    }
}
