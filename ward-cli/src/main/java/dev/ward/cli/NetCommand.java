package dev.ward.cli;

import dev.ward.cli.options.ReportOptions;
import dev.ward.collect.net.PortPolicy;
import dev.ward.collect.net.SocketCollector;
import dev.ward.detect.builtin.NetDetector;
import dev.ward.detect.builtin.SelfCheck;
import dev.ward.host.HostRoot;
import dev.ward.host.InputFile;
import dev.ward.model.Finding;
import dev.ward.report.Report;
import dev.ward.run.NetSummary;
import dev.ward.run.Triage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ward net}: the live host's sockets with the processes holding them, and the odd ones. */
@Command(name = "net", mixinStandardHelpOptions = true,
        description = "List the live host's sockets with their processes; find raw and packet sockets, orphan listeners.",
        footer = {
            "",
            "Reads /proc/net/{tcp,udp,raw}{,6} and packet, and every process's descriptors, as",
            "ss -tulpnw does. Run as root to see every socket's owner. Examples:",
            "  ward net",
            "  ward net --format json",
            "  ward net --save-baseline /root/ports   then later   ward net --expect /root/ports",
        })
final class NetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ReportOptions report;

    @Option(names = "--expect", paramLabel = "FILE",
            description = "Report every listener FILE does not name (lines 'PORT/tcp|udp PROGRAM USER', * for any).")
    Path expect;

    @Option(names = "--no-connect-scan",
            description = "Do not try every TCP port of 127.0.0.1 and ::1 against the tables (each listening service "
                    + "sees a connection, and may log it).")
    boolean noConnectScan;

    @Option(names = "--save-baseline", paramLabel = "FILE",
            description = "Write the listeners there are now to FILE, in the form --expect reads.")
    Path saveBaseline;

    @Override
    public Integer call() throws Exception {
        SocketCollector sockets = new SocketCollector();
        PortPolicy policy = expect == null ? null : policy(expect);
        try (HostRoot live = HostRoot.live()) {
            List<Finding> self = SelfCheck.run(live, System.getenv());
            Triage triage = new Triage(List.of(new NetDetector(sockets, policy, expect == null ? null : expect.toString(),
                    !noConnectScan)), InstantSource.system(), NetSummary.of(sockets));
            Report result = Snapshot.run(triage, live, self, saveBaseline,
                    scan -> PortPolicy.write(scan.records(sockets).records()));
            return report.emit(result, System.out);
        }
    }

    private PortPolicy policy(Path file) throws IOException {
        try {
            return PortPolicy.parse(InputFile.text(file, ProcsCommand.POLICY_LIMIT), file.toString());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--expect: " + e.getMessage());
        }
    }
}
