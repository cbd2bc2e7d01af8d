package dev.ward.cli;

import dev.ward.cli.options.ReportOptions;
import dev.ward.collect.procs.ProcessCollector;
import dev.ward.collect.times.TimeWindow;
import dev.ward.detect.builtin.ProcessDetector;
import dev.ward.detect.builtin.SelfCheck;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.run.ProcsSummary;
import dev.ward.run.Triage;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
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
        })
final class ProcsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions report;

    @Option(names = "--sample", paramLabel = "DURATION", defaultValue = "1s",
            description = "Measure CPU use over DURATION (500ms, 2s, 1m; default ${DEFAULT-VALUE}; 0 not to).")
    String sample;

    @Override
    public Integer call() throws Exception {
        ProcessCollector processes = new ProcessCollector(duration(sample));
        try (HostRoot live = HostRoot.live()) {
            List<Finding> self = SelfCheck.run(live, System.getenv());
            return report.emit(new Triage(List.of(new ProcessDetector(processes)), InstantSource.system(),
                    ProcsSummary.of(processes)).run(live, self), System.out);
        }
    }

    private Duration duration(String text) {
        try {
            return TimeWindow.duration(text);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--sample: " + e.getMessage());
        }
    }
}
