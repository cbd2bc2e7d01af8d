package dev.ward.cli;

import dev.ward.cli.options.ReportOptions;
import dev.ward.cli.options.RootOption;
import dev.ward.collect.times.TimeWindow;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.run.ChangedRun;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ward changed}: files whose times fall in a window. */
@Command(name = "changed", mixinStandardHelpOptions = true,
        description = "List files whose modification, change, access or birth time falls in a window.",
        footer = {
            "",
            "Like find -mtime/-ctime/-amin over PATH... (default /, with the usual separate",
            "mounts), oldest first, each with its owner and package. Only metadata is read:",
            "no access time moves. Examples:",
            "  ward changed --since 2d",
            "  ward changed --between 2026-11-27T22:00:00Z 2026-11-28T02:00:00Z --time m,c /etc /usr",
            "Exit bit 4 is set when a file is listed.",
        })
final class ChangedCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RootOption root;

    @Mixin
    ReportOptions report;

    static final class Window {
        @Option(names = "--since", paramLabel = "DURATION", required = true,
                description = "The last DURATION up to now: 90m, 36h, 7d, 2w.")
        String since;

        @Option(names = "--between", arity = "2", paramLabel = "TIME", required = true,
                description = "From one time to another: 2026-11-28T10:00:00Z, 2026-11-28 10:00 (UTC) or 2026-11-28.")
        List<String> between;
    }

    @ArgGroup(multiplicity = "1")
    Window window;

    @Option(names = "--time", paramLabel = "m,c,a,b", defaultValue = "m,c",
            description = "Which times to look at: m (mtime), c (ctime), a (atime), b (birth, where the "
                    + "filesystem records it). Default: ${DEFAULT-VALUE}.")
    String times;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Where to look, inside the root (default /).")
    List<String> paths = List.of("/");

    @Override
    public Integer call() throws Exception {
        TimeWindow w = window();
        List<HostPath> starts = paths.stream().map(RootOption::inRoot).toList();
        try (HostRoot host = root.open()) {
            return report.emit(new ChangedRun(w, InstantSource.system()).run(host, starts), System.out);
        }
    }

    private TimeWindow window() {
        try {
            var kinds = TimeWindow.Kind.parse(times);
            if (window.since != null) {
                return TimeWindow.since(TimeWindow.duration(window.since), Instant.now(), kinds);
            }
            return new TimeWindow(TimeWindow.instant(window.between.get(0)), TimeWindow.instant(window.between.get(1)), kinds);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
