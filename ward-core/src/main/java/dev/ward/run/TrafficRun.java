package dev.ward.run;

import dev.ward.collect.pcap.CaptureFormatException;
import dev.ward.collect.pcap.PcapReader;
import dev.ward.collect.pcap.TrafficLedger;
import dev.ward.detect.builtin.TrafficDetector;
import dev.ward.host.HostRoot;
import dev.ward.host.InputFile;
import dev.ward.host.PacketFilter;
import dev.ward.model.CollectionError;
import dev.ward.report.Report;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;

/**
 * {@code ward traffic}: packet captures read in order into one {@link TrafficLedger}, then reported
 * on. A capture damaged or cut short keeps the packets before the damage, becomes an error of the
 * report naming the file and the offset, and the captures after it are still read.
 */
public final class TrafficRun {
    private final TrafficLedger ledger;

    private TrafficRun(TrafficLedger ledger) {
        this.ledger = ledger;
    }

    /** Reads {@code files} in order, each frame through {@code filter} when there is one (null: every frame). */
    public static TrafficRun read(List<Path> files, boolean ignoreStandard, PacketFilter filter) throws IOException {
        TrafficLedger ledger = new TrafficLedger(ignoreStandard);
        PcapReader.Frames frames = filter == null ? (t, data, length) -> true : (t, data, length) -> {
            boolean keep = filter.accepts(t, data, length);
            if (!keep) {
                ledger.dropped();
            }
            return keep;
        };
        for (Path file : files) {
            try (InputStream in = InputFile.stream(file)) {
                PcapReader.read(in, file.toString(), frames, ledger::add);
            } catch (CaptureFormatException e) {
                ledger.unreadable(e);
            }
        }
        return new TrafficRun(ledger);
    }

    /** The captures that could not be read to their end: {@code offset 1152: packet record cut short (100 of 384 bytes)}. */
    public List<CollectionError> errors() {
        return ledger.errors();
    }

    /** The captures' summary, the traffic checks' findings, and the captures' errors. */
    public Report report(HostRoot root, InstantSource clock) {
        return new Triage(List.of(new TrafficDetector(ledger)), clock, TrafficSummary.of(ledger)).run(root, List.of());
    }
}
