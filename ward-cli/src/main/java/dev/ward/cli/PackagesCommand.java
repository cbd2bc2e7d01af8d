package dev.ward.cli;

import dev.ward.cli.options.ReportOptions;
import dev.ward.cli.options.RootOption;
import dev.ward.collect.unowned.UnownedCollector;
import dev.ward.host.HostRoot;
import dev.ward.run.Checks;
import dev.ward.run.PackagesSummary;
import dev.ward.run.Triage;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ward packages}: the installed files against the package database. */
@Command(name = "packages", mixinStandardHelpOptions = true,
        description = "Verify every file of every installed package against the package database.",
        footer = {
            "",
            "Like debsums -a or dpkg --verify, on the live host or on the system mounted",
            "at --root DIR: changed programs and libraries are high, changed conffiles a",
            "separate low class, missing files medium or low. Each finding names the",
            "package and the command that restores it.",
        })
final class PackagesCommand implements Callable<Integer> {
    @Mixin
    RootOption root;

    @Mixin
    ReportOptions report;

    @Option(names = "--system-dirs", split = ",", paramLabel = "DIR",
            description = "Where to look for programs, libraries and modules no package installed, instead of "
                    + "/usr/{bin,sbin,libexec,lib,lib32,lib64,libx32,games}, /bin, /sbin, /lib*, /etc and "
                    + "/usr/local/{bin,sbin,lib}.")
    List<String> systemDirs = UnownedCollector.DEFAULT_DIRS;

    @Override
    public Integer call() throws Exception {
        try (HostRoot host = root.open()) {
            return report.emit(new Triage(Checks.packages(systemDirs), InstantSource.system(), PackagesSummary::of)
                    .run(host, List.of()), System.out);
        }
    }
}
