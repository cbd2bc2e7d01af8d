package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.cron.CronCollector;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.logs.LoginLedger;
import dev.ward.collect.logs.LoginLedger.CronCommand;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.AdminEvent;
import dev.ward.model.CronEntry;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code linux.logs.cron_ran_suspicious_command} (high, T1053.003): cron's log says it ran a command
 * that downloads and runs code, opens a shell to the network, or runs a program from a temporary or
 * hidden place; with how often and when, and whether a cron table still holds it. The log outlives
 * the entry: an intruder who removes a crontab line leaves cron's record of every run behind.
 */
public final class CronLogDetector implements Detector {
    private final AuthLogCollector logs;

    public CronLogDetector(AuthLogCollector logs) {
        this.logs = logs;
    }

    @Override
    public String name() {
        return "cron_log";
    }

    @Override
    public void detect(Scan scan, Results out) {
        Map<String, Map<String, CronCommand>> ran = LoginLedger.of(scan, logs).cronCommands();
        if (ran.isEmpty()) {
            return;
        }
        Map<String, String> tables = scan.records(new CronCollector()).records().stream()
                .collect(Collectors.toMap(e -> e.command().strip(), CronEntry::path, (a, b) -> a));
        ran.forEach((user, commands) -> commands.forEach((command, c) -> why(command).ifPresent(why -> {
            AdminEvent first = c.first();
            String table = tables.get(command);
            out.add(Finding.builder("linux.logs.cron_ran_suspicious_command", Severity.HIGH,
                            "Cron ran a command that looks like an intruder's")
                    .summary("cron ran " + command + " as " + user + " " + c.runs() + " time(s), " + first.time()
                            + " to " + c.last() + " (" + why + "); " + (table == null ? "no cron table holds it now"
                            : "still in " + table))
                    .attack("T1053.003")
                    .remediation("Find the entry (crontabs, /etc/cron.*, systemd timers) and what it fetched or "
                            + "ran; if no table holds it any more, someone removed it: look at who, and when.")
                    .evidence("user", user).evidence("command", command).evidence("runs", c.runs())
                    .evidence("first", first.time().toString()).evidence("last", c.last().toString())
                    .evidence("why", why).evidence("cron_table", table).evidence("file", first.file())
                    .evidence("line", first.line()).path(first.file()).build());
        })));
    }

    private static Optional<String> why(String command) {
        return Indicators.downloadAndRun(command).or(() -> Indicators.runsFromTempOrHidden(command).map(p -> "runs " + p));
    }
}
