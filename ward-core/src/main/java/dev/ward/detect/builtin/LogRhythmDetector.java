package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.logs.LoginLedger;
import dev.ward.collect.logs.Rhythm;
import dev.ward.collect.logs.UtmpCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.UtmpRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Breaks in the pace of the authentication logs ({@link Rhythm}), the marks of lines cut out or of
 * a clock set back:
 * <ul>
 * <li>{@code linux.logs.time_backwards} (medium, T1070.002): a line more than ten minutes older than
 * the one before it in the same file.</li>
 * <li>{@code linux.logs.gap} (medium, T1070.002): a silence longer than six hours and than a hundred
 * times the log's typical gap, with no boot in wtmp inside it (a host switched off explains one).</li>
 * </ul>
 */
public final class LogRhythmDetector implements Detector {
    static final Duration MIN_GAP = Duration.ofHours(6);
    static final int GAP_FACTOR = 100;

    private final AuthLogCollector logs;

    public LogRhythmDetector() {
        this(new AuthLogCollector());
    }

    public LogRhythmDetector(AuthLogCollector logs) {
        this.logs = logs;
    }

    @Override
    public String name() {
        return "log_rhythm";
    }

    @Override
    public void detect(Scan scan, Results out) {
        List<Instant> boots = scan.records(new UtmpCollector()).records().stream()
                .filter(r -> r.type() == UtmpRecord.BOOT_TIME && r.time() != null).map(UtmpRecord::time).toList();
        for (Rhythm r : LoginLedger.of(scan, logs).rhythms()) {
            if (r.backwards() > 0) {
                out.add(Finding.builder("linux.logs.time_backwards", Severity.MEDIUM, "Time goes backwards in " + r.file())
                        .summary(r.file() + " goes back in time " + r.backwards() + " times, first at line " + r.backLine()
                                + ": from " + r.backFrom() + " to " + r.backTo())
                        .evidence("file", r.file()).evidence("line", r.backLine()).evidence("from", r.backFrom().toString())
                        .evidence("to", r.backTo().toString()).evidence("times", r.backwards()).path(r.file())
                        .attack("T1070.002")
                        .remediation("Lines were moved or inserted, or the clock was set back: compare the span with "
                                + "the journal and a remote log server.").build());
            }
            if (r.gapFrom() == null) {
                continue;
            }
            Duration gap = Duration.between(r.gapFrom(), r.gapTo());
            Duration typical = r.typicalGap();
            boolean rebooted = boots.stream().anyMatch(b -> b.isAfter(r.gapFrom()) && b.isBefore(r.gapTo()));
            if (gap.compareTo(MIN_GAP) > 0 && gap.compareTo(typical.multipliedBy(GAP_FACTOR)) > 0 && !rebooted) {
                out.add(Finding.builder("linux.logs.gap", Severity.MEDIUM, "A long silence in " + r.file())
                        .summary(r.file() + " has no line between " + r.gapFrom() + " and " + r.gapTo() + " ("
                                + gap.toHours() + " h), where it usually writes every " + typical.toSeconds()
                                + " s or so, and no boot in wtmp explains it")
                        .evidence("file", r.file()).evidence("from", r.gapFrom().toString()).evidence("to", r.gapTo().toString())
                        .evidence("hours", gap.toHours()).evidence("typical_gap_seconds", typical.toSeconds())
                        .path(r.file()).attack("T1070.002")
                        .remediation("Lines of that span may have been cut out: look for them in the journal, the "
                                + "rotated copies and a remote log server.").build());
            }
        }
    }
}
