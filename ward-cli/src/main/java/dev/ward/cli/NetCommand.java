package dev.ward.cli;

import dev.ward.cli.options.ReportOptions;
import dev.ward.collect.net.SocketCollector;
import dev.ward.detect.builtin.NetDetector;
import dev.ward.detect.builtin.SelfCheck;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.run.NetSummary;
import dev.ward.run.Triage;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ward net}: the live host's sockets with the processes holding them, and the odd ones. */
@Command(name = "net", mixinStandardHelpOptions = true,
        description = "List the live host's sockets with their processes; find raw and packet sockets, orphan listeners.",
        footer = {
            "",
            "Reads /proc/net/{tcp,udp,raw}{,6} and packet, and every process's descriptors, as",
            "ss -tulpnw does. Run as root to see every socket's owner. Examples:",
            "  ward net",
            "  ward net --format json",
        })
final class NetCommand implements Callable<Integer> {
    @Mixin
    ReportOptions report;

    @Override
    public Integer call() throws Exception {
        SocketCollector sockets = new SocketCollector();
        try (HostRoot live = HostRoot.live()) {
            List<Finding> self = SelfCheck.run(live, System.getenv());
            return report.emit(new Triage(List.of(new NetDetector(sockets)), InstantSource.system(),
                    NetSummary.of(sockets)).run(live, self), System.out);
        }
    }
}
