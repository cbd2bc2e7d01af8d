package dev.ward.cli;

import dev.ward.cli.options.ReportOptions;
import dev.ward.cli.options.RootOption;
import dev.ward.collect.logs.AuthLogCollector;
import dev.ward.collect.times.TimeWindow;
import dev.ward.host.HostRoot;
import dev.ward.run.Checks;
import dev.ward.run.LogsSummary;
import dev.ward.run.Triage;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ward logs}: logins in the authentication logs, summarised, and what they give away. */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Read the authentication logs: logins per user and source, failures, brute force.",
        footer = {
            "",
            "Reads /var/log/auth.log and /var/log/secure with their rotations (.1, .2.gz...),",
            "or the FILEs given (paths inside the root), oldest first. Examples:",
            "  ward logs --root /mnt/evidence",
            "  ward logs --since 2026-11-27 /var/log/auth.log.1 --format json",
        })
final class LogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RootOption root;

    @Mixin
    ReportOptions report;

    @Option(names = "--since", paramLabel = "TIME", description = "Only events from TIME (2026-11-28T10:00:00Z, 2026-11-28).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only events up to TIME.")
    String until;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Log files to read, inside the root.")
    List<String> files = List.of();

    @Override
    public Integer call() throws Exception {
        AuthLogCollector logs = new AuthLogCollector(
                files.stream().map(RootOption::inRoot).toList(),
                time(since, Instant.MIN), time(until, Instant.MAX));
        try (HostRoot host = root.open()) {
            return report.emit(new Triage(Checks.logs(logs), InstantSource.system(), LogsSummary.of(logs))
                    .run(host, List.of()), System.out);
        }
    }

    private Instant time(String text, Instant none) {
        try {
            return text == null ? none : TimeWindow.instant(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
