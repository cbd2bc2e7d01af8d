package dev.ward.cli;

import dev.ward.cli.options.ReportOptions;
import dev.ward.collect.pcap.PcapReader;
import dev.ward.collect.pcap.TrafficLedger;
import dev.ward.detect.builtin.TrafficDetector;
import dev.ward.host.HostRoot;
import dev.ward.run.TrafficSummary;
import dev.ward.run.Triage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ward traffic}: packet captures summarised, with the rare and periodic talkers in them. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = "Read pcap and pcapng captures: protocols, conversations, beacons, unsolicited echo replies.",
        footer = {
            "",
            "Examples:",
            "  ward traffic /evidence/eth0-*.pcap",
            "  ward traffic --ignore-standard --format json capture.pcapng",
        })
final class TrafficCommand implements Callable<Integer> {
    @Mixin
    ReportOptions report;

    @Option(names = "--ignore-standard", description = "Drop DNS, HTTP(S), SSH and NTP first, as the usual tcpdump filter does.")
    boolean ignoreStandard;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Captures to read, in order.")
    List<Path> files;

    @Override
    public Integer call() throws Exception {
        TrafficLedger ledger = new TrafficLedger(ignoreStandard);
        for (Path f : files) {
            try (InputStream in = Files.newInputStream(f)) {
                PcapReader.read(in, f.toString(), ledger::add);
            }
        }
        try (HostRoot live = HostRoot.live()) {
            return report.emit(new Triage(List.of(new TrafficDetector(ledger)), InstantSource.system(),
                    TrafficSummary.of(ledger)).run(live, List.of()), System.out);
        }
    }
}
