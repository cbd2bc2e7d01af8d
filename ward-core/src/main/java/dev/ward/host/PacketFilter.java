package dev.ward.host;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A tcpdump filter expression ("icmp or udp port 514") compiled by libpcap's pcap_compile and run
 * on each frame by pcap_offline_filter, through the FFM API: the real BPF syntax, without ward
 * parsing it. One program is compiled per link type met. Where no libpcap is installed,
 * {@link #compile} says so, and captures are read without a filter.
 */
public final class PacketFilter implements AutoCloseable {
    private static final Linker LINKER = Linker.nativeLinker();

    private final Arena arena = Arena.ofShared();
    private final String expression;
    private final Lib lib;
    private final Map<Integer, MemorySegment> programs = new HashMap<>();
    private final MemorySegment header;

    private record Lib(MethodHandle openDead, MethodHandle compile, MethodHandle geterr, MethodHandle filter,
                       MethodHandle close) {
    }

    private PacketFilter(String expression, Lib lib) {
        this.expression = expression;
        this.lib = lib;
        this.header = arena.allocate(24, 8); // struct pcap_pkthdr: timeval, caplen, len
    }

    /** The filter, checked by compiling it for Ethernet; empty when libpcap is not installed. */
    public static Optional<PacketFilter> compile(String expression) throws IllegalArgumentException {
        Optional<Lib> lib = load();
        if (lib.isEmpty()) {
            return Optional.empty();
        }
        PacketFilter f = new PacketFilter(expression, lib.get());
        f.program(1);
        return Optional.of(f);
    }

    private static Optional<Lib> load() {
        return LibPcap.lookup().map(l -> new Lib(
                LINKER.downcallHandle(l.find("pcap_open_dead").orElseThrow(), FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT)),
                LINKER.downcallHandle(l.find("pcap_compile").orElseThrow(),
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT)),
                LINKER.downcallHandle(l.find("pcap_geterr").orElseThrow(), FunctionDescriptor.of(ADDRESS, ADDRESS)),
                LINKER.downcallHandle(l.find("pcap_offline_filter").orElseThrow(),
                        FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS)),
                LINKER.downcallHandle(l.find("pcap_close").orElseThrow(), FunctionDescriptor.ofVoid(ADDRESS))));
    }

    /** The program for a link type, compiled on first use; a bad expression is an IllegalArgumentException with pcap's words. */
    private MemorySegment program(int linkType) {
        return programs.computeIfAbsent(linkType, t -> {
            try {
                MemorySegment pcap = (MemorySegment) lib.openDead().invokeExact((int) t, 262144);
                MemorySegment program = arena.allocate(16, 8); // struct bpf_program: length, instructions
                int r = (int) lib.compile().invokeExact(pcap, program, arena.allocateFrom(expression), 1, -1);
                if (r != 0) {
                    MemorySegment err = (MemorySegment) lib.geterr().invokeExact(pcap);
                    String message = err.reinterpret(512).getString(0);
                    lib.close().invokeExact(pcap);
                    throw new IllegalArgumentException("filter '" + expression + "': " + message);
                }
                lib.close().invokeExact(pcap);
                return program;
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /**
     * Whether the filter keeps a frame of {@code linkType}, {@code length} bytes long on the wire; an
     * IllegalArgumentException, with pcap's words, for a link type libpcap cannot filter.
     */
    public boolean accepts(int linkType, byte[] frame, int length) {
        MemorySegment program = program(linkType);
        header.set(JAVA_LONG, 0, 0L);
        header.set(JAVA_LONG, 8, 0L);
        header.set(JAVA_INT, 16, frame.length);
        header.set(JAVA_INT, 20, length);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment data = a.allocate(Math.max(1, frame.length));
            data.copyFrom(MemorySegment.ofArray(frame));
            return (int) lib.filter().invokeExact(program, header, data) != 0;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        arena.close(); // the compiled programs' instructions are libpcap's, freed with the process
    }
}
