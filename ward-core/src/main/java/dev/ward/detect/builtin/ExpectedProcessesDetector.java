package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.procs.ProcessBaseline;
import dev.ward.collect.procs.ProcessCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.ProcessEntry;
import dev.ward.model.Severity;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code linux.procs.unexpected} (low): a kind of process the baseline of what normally runs
 * ({@code ward procs --save-baseline}) does not hold, one finding a kind, with its processes.
 */
public final class ExpectedProcessesDetector implements Detector {
    private final ProcessCollector processes;
    private final Set<String> expected;
    private final String file;

    public ExpectedProcessesDetector(ProcessCollector processes, Set<String> expected, String file) {
        this.processes = processes;
        this.expected = Set.copyOf(expected);
        this.file = file;
    }

    @Override
    public String name() {
        return "expected_processes";
    }

    @Override
    public void detect(Scan scan, Results out) {
        Set<String> seen = new HashSet<>();
        for (ProcessEntry p : scan.records(processes).records()) {
            String key = ProcessBaseline.key(p);
            if (p.kernelThread() || expected.contains(key) || !seen.add(key)) {
                continue;
            }
            Finding.Builder b = Finding.builder("linux.procs.unexpected", Severity.LOW, "Process not in the baseline")
                    .summary("process " + p.pid() + " (" + p.name() + ", user " + p.user() + ") runs "
                            + (p.exe().isEmpty() ? p.command() : p.exe()) + ", a kind " + file + " does not hold")
                    .evidence("user", p.user()).evidence("exe", p.exe()).evidence("command", p.command())
                    .evidence("baseline", file).attack("T1059")
                    .remediation("If it belongs, add it to the baseline (ward procs --save-baseline); if not, find "
                            + "what started it.");
            for (ProcessEntry q : scan.records(processes).records()) {
                if (ProcessBaseline.key(q).equals(key)) {
                    b.pid(q.pid());
                }
            }
            out.add(b.build());
        }
    }
}
