package dev.ward.cli;

import dev.ward.cli.options.ReportOptions;
import dev.ward.collect.pcap.PcapReader;
import dev.ward.collect.pcap.TrafficLedger;
import dev.ward.detect.builtin.TrafficDetector;
import dev.ward.host.HostRoot;
import dev.ward.host.PacketFilter;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ward traffic}: packet captures summarised, with the rare and periodic talkers in them. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = "Read pcap and pcapng captures: protocols, conversations, beacons, unsolicited echo replies.",
        footer = {
            "",
            "Examples:",
            "  ward traffic /evidence/eth0-*.pcap",
            "  ward traffic --ignore-standard --format json capture.pcapng",
            "  ward traffic --filter 'icmp or udp port 514' capture.pcap",
        })
final class TrafficCommand implements Callable<Integer> {
    @Mixin
    ReportOptions report;

    @Option(names = "--ignore-standard", description = "Drop DNS, HTTP(S), SSH and NTP first, as the usual tcpdump filter does.")
    boolean ignoreStandard;

    @Option(names = "--filter", paramLabel = "EXPRESSION",
            description = "Keep only the packets a tcpdump filter keeps ('icmp or udp port 514'); needs libpcap.")
    String filter;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Captures to read, in order.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TrafficLedger ledger = new TrafficLedger(ignoreStandard);
        try (PacketFilter f = filter == null ? null : compile(filter)) {
            PcapReader.Frames frames = f == null ? (t, data, length) -> true : (t, data, length) -> {
                boolean keep = f.accepts(t, data, length);
                if (!keep) {
                    ledger.dropped();
                }
                return keep;
            };
            for (Path file : files) {
                try (InputStream in = Files.newInputStream(file)) {
                    PcapReader.read(in, file.toString(), frames, ledger::add);
                }
            }
        }
        try (HostRoot live = HostRoot.live()) {
            return report.emit(new Triage(List.of(new TrafficDetector(ledger)), InstantSource.system(),
                    TrafficSummary.of(ledger)).run(live, List.of()), System.out);
        }
    }

    private PacketFilter compile(String expression) {
        try {
            return PacketFilter.compile(expression).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "--filter needs libpcap, which is not installed (apt-get install libpcap0.8)"));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--filter: " + e.getMessage());
        }
    }
}
