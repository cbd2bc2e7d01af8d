package dev.ward.cli;

import dev.ward.cli.options.Durations;
import dev.ward.cli.options.ReportOptions;
import dev.ward.host.HostRoot;
import dev.ward.host.PacketCapture;
import dev.ward.host.PacketFilter;
import dev.ward.report.ExitStatus;
import dev.ward.run.TrafficRun;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ward traffic}: packet captures summarised, with the rare and periodic talkers in them. */
@Command(name = "traffic", mixinStandardHelpOptions = true,
        description = "Read pcap and pcapng captures, or record one: protocols, conversations, beacons, unsolicited echo replies.",
        footer = {
            "",
            "A capture damaged or cut short: the packets before the damage are reported, its error (file and",
            "offset) is listed in the report and on standard error, the other files are read, and ward exits 65.",
            "",
            "Examples:",
            "  ward traffic /evidence/eth0-*.pcap",
            "  ward traffic --ignore-standard --format json capture.pcapng",
            "  ward traffic --filter 'icmp or udp port 514' capture.pcap",
            "  ward traffic --capture eth0 --rotate 1h --dir /evidence/pcap --duration 24h",
        })
final class TrafficCommand implements Callable<Integer> {
    @Mixin
    ReportOptions report;

    @Option(names = "--ignore-standard", description = "Drop DNS, HTTP(S), SSH and NTP first, as the usual tcpdump filter does.")
    boolean ignoreStandard;

    @Option(names = "--filter", paramLabel = "EXPRESSION",
            description = "Keep only the packets a tcpdump filter keeps ('icmp or udp port 514'); needs libpcap.")
    String filter;

    @Option(names = "--capture", paramLabel = "IFACE",
            description = "Record what IFACE sends and receives (libpcap, root) into --dir, then report on it.")
    String capture;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where --capture writes its pcap files (made 0700).")
    Path dir;

    @Option(names = "--rotate", paramLabel = "DURATION", defaultValue = "1h",
            description = "A new capture file every DURATION (default ${DEFAULT-VALUE}).")
    String rotate;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Stop capturing after DURATION (default: at Ctrl-C or SIGTERM).")
    String duration;

    @Parameters(paramLabel = "FILE", arity = "0..*", description = "Captures to read, in order.")
    List<Path> files = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((capture == null) == files.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "give capture files to read, or --capture IFACE, not both");
        }
        if (capture == null) {
            return read();
        }
        // A signal ends the capture; the hook then holds the JVM until the report on it is written.
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            files = record(stop);
            return read();
        } finally {
            done.countDown();
            if (!stop.get()) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private int read() throws Exception {
        TrafficRun run;
        try (PacketFilter f = filter == null ? null : compile(filter)) {
            run = TrafficRun.read(files, ignoreStandard, f);
        }
        try (HostRoot live = HostRoot.live()) {
            int status = report.emit(run.report(live, InstantSource.system()), System.out);
            // A damaged capture is bad input data: 65, once the report on what was read is out.
            run.errors().forEach(e -> System.err.println("ward: " + Errors.brief(e.path() + ": " + e.message())));
            return run.errors().isEmpty() ? status : ExitStatus.DATA_ERROR;
        }
    }

    /** Captures until --duration or {@code stop}, then hands back the files written. */
    private List<Path> record(AtomicBoolean stop) throws Exception {
        if (dir == null) {
            throw new ParameterException(spec.commandLine(), "--capture needs --dir DIR for its files");
        }
        if (!PacketCapture.available()) {
            throw new ParameterException(spec.commandLine(),
                    "--capture needs libpcap, which is not installed (apt-get install libpcap0.8)");
        }
        Duration every = Durations.parse(spec, "--rotate", rotate);
        if (every.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new ParameterException(spec.commandLine(), "--rotate: at least 1s");
        }
        Duration total = duration == null ? null : Durations.parse(spec, "--duration", duration);
        PacketCapture.Result result;
        try {
            result = PacketCapture.record(capture, filter, dir, every, total, stop::get);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--filter: " + e.getMessage());
        }
        if (!report.quiet()) {
            System.err.println("ward: captured " + result.packets() + " packets on " + capture + " into "
                    + result.files().size() + " file" + (result.files().size() == 1 ? "" : "s") + " in " + dir);
        }
        filter = null; // already applied while capturing
        return result.files();
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
