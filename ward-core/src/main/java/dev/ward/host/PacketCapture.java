package dev.ward.host;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A live capture through libpcap, bound with the FFM API: what an interface sends and receives,
 * written as pcap files in a directory, a new file every rotation period, named by the interface
 * and the time it was opened ({@code ward-eth0-20261128T101500Z.pcap}). A watch of hours or days
 * so leaves files of a size one can read, copy and hash as each is closed; each is flushed
 * whenever no packet is waiting, so the one being written can be read meanwhile. The interface is not put in
 * promiscuous mode: the host sees what it would see anyway, and changes nothing another tool
 * watching for sniffers would notice. Needs CAP_NET_RAW (root) and libpcap.
 */
public final class PacketCapture {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final int SNAPLEN = 262144;
    private static final int TIMEOUT_MS = 250;
    /** How long to wait before asking again when no packet is waiting. */
    private static final int QUIET_MS = 50;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What a capture wrote: its files in order, and how many packets went into them. */
    public record Result(List<Path> files, long packets) {
    }

    private record Lib(MethodHandle create, MethodHandle setSnaplen, MethodHandle setTimeout, MethodHandle activate,
                       MethodHandle geterr, MethodHandle compile, MethodHandle setFilter, MethodHandle nextEx,
                       MethodHandle dumpOpen, MethodHandle fdopen, MethodHandle dump, MethodHandle dumpFlush, MethodHandle dumpClose,
                       MethodHandle close, MethodHandle setNonblock) {
        static Optional<Lib> load() {
            return LibPcap.lookup().map(l -> new Lib(
                    handle(l, "pcap_create", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS)),
                    handle(l, "pcap_set_snaplen", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)),
                    handle(l, "pcap_set_timeout", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT)),
                    handle(l, "pcap_activate", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                    handle(l, "pcap_geterr", FunctionDescriptor.of(ADDRESS, ADDRESS)),
                    handle(l, "pcap_compile", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT)),
                    handle(l, "pcap_setfilter", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS)),
                    handle(l, "pcap_next_ex", FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)),
                    handle(l, "pcap_dump_fopen", FunctionDescriptor.of(ADDRESS, ADDRESS, ADDRESS)),
                    LINKER.downcallHandle(LINKER.defaultLookup().find("fdopen").orElseThrow(),
                            FunctionDescriptor.of(ADDRESS, JAVA_INT, ADDRESS)),
                    handle(l, "pcap_dump", FunctionDescriptor.ofVoid(ADDRESS, ADDRESS, ADDRESS)),
                    handle(l, "pcap_dump_flush", FunctionDescriptor.of(JAVA_INT, ADDRESS)),
                    handle(l, "pcap_dump_close", FunctionDescriptor.ofVoid(ADDRESS)),
                    handle(l, "pcap_close", FunctionDescriptor.ofVoid(ADDRESS)),
                    handle(l, "pcap_setnonblock", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS))));
        }

        private static MethodHandle handle(SymbolLookup l, String name, FunctionDescriptor fd) {
            return LINKER.downcallHandle(l.find(name).orElseThrow(), fd);
        }
    }

    private PacketCapture() {
    }

    /** Whether libpcap is installed, so that {@link #record} can run. */
    public static boolean available() {
        return LibPcap.lookup().isPresent();
    }

    /**
     * Captures on {@code iface} into {@code dir} (made, mode 0700, when missing), keeping what the
     * tcpdump expression {@code filter} keeps (everything when null), a new file every
     * {@code rotate}, until {@code duration} has passed (never when null) or {@code stop} is true,
     * which is asked at least every quarter of a second.
     *
     * @throws IOException              when libpcap is missing, the interface cannot be opened (not
     *                                  there, not permitted), or a file cannot be written
     * @throws IllegalArgumentException when the filter does not compile, with libpcap's words
     */
    public static Result record(String iface, String filter, Path dir, Duration rotate, Duration duration,
                                BooleanSupplier stop) throws IOException {
        Lib lib = Lib.load().orElseThrow(() -> new IOException("capturing needs libpcap, which is not installed "
                + "(apt-get install libpcap0.8)"));
        if (!Files.isDirectory(dir)) {
            try (TargetFile made = TargetFile.of(dir)) {
                made.makeDirectory(0700);
            }
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pcap = open(lib, arena, iface, filter);
            try {
                return loop(lib, arena, pcap, iface, dir, rotate, duration, stop);
            } finally {
                lib.close().invokeExact(pcap);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static MemorySegment open(Lib lib, Arena arena, String iface, String filter) throws Throwable {
        MemorySegment errbuf = arena.allocate(256);
        MemorySegment pcap = (MemorySegment) lib.create().invokeExact(arena.allocateFrom(iface), errbuf);
        if (pcap.address() == 0) {
            throw new IOException("capture on " + iface + ": " + errbuf.getString(0));
        }
        int ignored = (int) lib.setSnaplen().invokeExact(pcap, SNAPLEN);
        ignored = (int) lib.setTimeout().invokeExact(pcap, TIMEOUT_MS);
        int r = (int) lib.activate().invokeExact(pcap);
        if (r < 0) {
            String why = error(lib, pcap);
            lib.close().invokeExact(pcap);
            throw new IOException("capture on " + iface + ": " + (why.isEmpty() ? "libpcap status " + r : why));
        }
        // Non-blocking: libpcap's read timeout does not run while no packet comes, so a blocking read
        // on a quiet interface would never return to see the capture's end.
        if ((int) lib.setNonblock().invokeExact(pcap, 1, errbuf) < 0) {
            lib.close().invokeExact(pcap);
            throw new IOException("capture on " + iface + ": " + errbuf.getString(0));
        }
        if (filter != null) {
            MemorySegment program = arena.allocate(16, 8); // struct bpf_program
            if ((int) lib.compile().invokeExact(pcap, program, arena.allocateFrom(filter), 1, -1) != 0
                    || (int) lib.setFilter().invokeExact(pcap, program) != 0) {
                String why = error(lib, pcap);
                lib.close().invokeExact(pcap);
                throw new IllegalArgumentException("filter '" + filter + "': " + why);
            }
        }
        return pcap;
    }

    private static Result loop(Lib lib, Arena arena, MemorySegment pcap, String iface, Path dir, Duration rotate,
                               Duration duration, BooleanSupplier stop) throws Throwable {
        List<Path> files = new ArrayList<>();
        MemorySegment header = arena.allocate(ADDRESS);
        MemorySegment data = arena.allocate(ADDRESS);
        Instant started = Instant.now();
        Instant end = duration == null ? null : started.plus(duration);
        long packets = 0;
        MemorySegment dumper = MemorySegment.NULL;
        Instant fileEnd = started;
        try {
            while (!stop.getAsBoolean()) {
                Instant now = Instant.now();
                if (end != null && !now.isBefore(end)) {
                    break;
                }
                if (!now.isBefore(fileEnd)) {
                    if (dumper.address() != 0) {
                        lib.dumpClose().invokeExact(dumper);
                    }
                    Path file = dir.resolve("ward-" + iface + "-" + STAMP.format(now) + ".pcap");
                    dumper = dumpTo(lib, arena, pcap, file);
                    files.add(file);
                    fileEnd = now.plus(rotate);
                }
                int r = (int) lib.nextEx().invokeExact(pcap, header, data);
                if (r == 1) {
                    lib.dump().invokeExact(dumper, header.get(ADDRESS, 0), data.get(ADDRESS, 0));
                    packets++;
                } else if (r == 0) {
                    int ignored = (int) lib.dumpFlush().invokeExact(dumper); // quiet: what came is on disk
                    Thread.sleep(QUIET_MS);
                } else if (r == -2) {
                    break; // no more packets
                } else {
                    throw new IOException("capture on " + iface + ": " + error(lib, pcap));
                }
            }
        } finally {
            if (dumper.address() != 0) {
                lib.dumpClose().invokeExact(dumper);
            }
        }
        return new Result(files, packets);
    }

    /**
     * A new capture file, made by ward (never one already there, never through a link another user
     * could have planted: {@link TargetFile}) and handed to libpcap as a stream, since
     * pcap_dump_open would open the name itself, following whatever link stands there.
     */
    private static MemorySegment dumpTo(Lib lib, Arena arena, MemorySegment pcap, Path file) throws Throwable {
        int fd;
        try (TargetFile target = TargetFile.of(file)) {
            fd = target.createDescriptor(0600);
        }
        MemorySegment stream = (MemorySegment) lib.fdopen().invokeExact(fd, arena.allocateFrom("w"));
        if (stream.address() == 0) {
            Libc.close(fd);
            throw new IOException(file + ": fdopen failed");
        }
        MemorySegment dumper = (MemorySegment) lib.dumpOpen().invokeExact(pcap, stream);
        if (dumper.address() == 0) {
            throw new IOException(file + ": " + error(lib, pcap));
        }
        return dumper;
    }

    private static String error(Lib lib, MemorySegment pcap) throws Throwable {
        MemorySegment err = (MemorySegment) lib.geterr().invokeExact(pcap);
        return err.reinterpret(512).getString(0);
    }
}
