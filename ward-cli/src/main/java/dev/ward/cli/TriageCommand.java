package dev.ward.cli;

import dev.ward.cli.options.ChecksOption;
import dev.ward.cli.options.ReportOptions;
import dev.ward.cli.options.RootOption;
import dev.ward.detect.builtin.SelfCheck;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.report.Report;
import dev.ward.run.Checks;
import dev.ward.run.Triage;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ward triage}: every check that needs no baseline, ranked. */
@Command(name = "triage", mixinStandardHelpOptions = true,
        description = "Run every check that needs no baseline and rank what it finds.",
        footer = {
            "",
            "Checks accounts, SSH keys, sudo, host trust, persistence (cron, systemd,",
            "start-up scripts, preload, PAM, udev, MOTD, web shells), /dev and set-id",
            "files, packaged files against the package database and unpackaged",
            "programs (as ward packages does), and the logs: logins, brute force,",
            "admin actions, edited wtmp, web scanners (as ward logs does); on the live",
            "host or on the system mounted at --root DIR. Ward first checks its own",
            "process for injected libraries: a critical finding there means the host",
            "may lie to every program on it, ward included.",
        })
final class TriageCommand implements Callable<Integer> {
    @Mixin
    RootOption root;

    @Mixin
    ReportOptions report;

    @Mixin
    ChecksOption checks;

    @Override
    public Integer call() throws Exception {
        List<Finding> self;
        try (HostRoot live = HostRoot.live()) {
            self = SelfCheck.run(live, System.getenv());
        }
        try (HostRoot host = root.open()) {
            Report result = new Triage(Checks.triage(checks.load()), InstantSource.system()).run(host, self);
            return report.emit(result, System.out);
        }
    }
}
