package dev.ward.host;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A real program loaded into the running kernel by the test, then listed. */
@Tag("root")
class BpfProgramsTest {
    @Test
    void listsAProgramItLoaded() throws Exception {
        try (Arena arena = Arena.ofConfined()) {
            int fd = loadSocketFilter(arena, "ward_test");
            try {
                List<BpfPrograms.Program> mine = BpfPrograms.list().stream()
                        .filter(p -> p.name().equals("ward_test")).toList();
                assertEquals(1, mine.size(), mine.toString());
                BpfPrograms.Program p = mine.getFirst();
                assertEquals("socket_filter", p.type());
                assertEquals(0, p.uid());
                assertEquals(16, p.tag().length());
                assertEquals(0, p.maps());
                Duration sinceBoot = Duration.ofMillis((long) (Double.parseDouble(
                        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).split(" ")[0]) * 1000));
                // /proc/uptime counts hundredths of a second: a load in the last one may be past it.
                assertTrue(p.loadedAfterBoot().compareTo(sinceBoot.plusMillis(10)) <= 0 && p.loadedAfterBoot().compareTo(
                        sinceBoot.minusMinutes(1)) > 0, p.loadedAfterBoot() + " against " + sinceBoot);
            } finally {
                Libc.close(fd);
            }
        }
    }

    /** BPF_PROG_LOAD of a socket filter that returns 0: "r0 = 0; exit". */
    private static int loadSocketFilter(Arena arena, String name) {
        MemorySegment insns = arena.allocate(16, 8);
        insns.set(ValueLayout.JAVA_BYTE, 0, (byte) 0xb7); // BPF_ALU64 | BPF_MOV | BPF_K, r0, imm 0
        insns.set(ValueLayout.JAVA_BYTE, 8, (byte) 0x95); // BPF_JMP | BPF_EXIT
        MemorySegment license = arena.allocateFrom("GPL");
        MemorySegment attr = arena.allocate(128, 8);
        attr.set(JAVA_INT, 0, 1); // BPF_PROG_TYPE_SOCKET_FILTER
        attr.set(JAVA_INT, 4, 2);
        attr.set(JAVA_LONG, 8, insns.address());
        attr.set(JAVA_LONG, 16, license.address());
        attr.asSlice(48, 16).copyFrom(arena.allocateFrom(name).asSlice(0, name.length()));
        long fd = Libc.bpf(5, attr); // BPF_PROG_LOAD
        assertTrue(fd >= 0, "BPF_PROG_LOAD: " + Libc.strerror((int) -fd));
        return (int) fd;
    }
}
