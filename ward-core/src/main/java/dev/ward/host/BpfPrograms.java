package dev.ward.host;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The BPF programs loaded in the running kernel, as bpf(2) lists them by id (what {@code bpftool
 * prog} shows): a kernel rootkit that needs no module (ebpfkit, TripleCross, BPFDoor's filter) is
 * one of these. Listing them needs CAP_SYS_ADMIN.
 */
public final class BpfPrograms {
    private static final int PROG_GET_NEXT_ID = 11;
    private static final int PROG_GET_FD_BY_ID = 13;
    private static final int OBJ_GET_INFO_BY_FD = 15;
    private static final int ATTR_SIZE = 128;
    private static final int INFO_SIZE = 256;

    /** enum bpf_prog_type, in order. */
    private static final List<String> TYPES = List.of("unspec", "socket_filter", "kprobe", "sched_cls", "sched_act",
            "tracepoint", "xdp", "perf_event", "cgroup_skb", "cgroup_sock", "lwt_in", "lwt_out", "lwt_xmit", "sock_ops",
            "sk_skb", "cgroup_device", "sk_msg", "raw_tracepoint", "cgroup_sock_addr", "lwt_seg6local", "lirc_mode2",
            "sk_reuseport", "flow_dissector", "cgroup_sysctl", "raw_tracepoint_writable", "cgroup_sockopt", "tracing",
            "struct_ops", "ext", "lsm", "sk_lookup", "syscall", "netfilter");

    /**
     * One program: its id, type ("kprobe"), name (up to 15 bytes, as its loader gave it), tag (the
     * hash of its instructions, the same for the same program), when it was loaded (time since
     * boot), the user who loaded it, and how many maps it uses.
     */
    public record Program(int id, String type, String name, String tag, Duration loadedAfterBoot, long uid, int maps) {
    }

    private BpfPrograms() {
    }

    /**
     * Every loaded program, by id; a program unloaded while listed is left out.
     *
     * @throws HostException when the kernel refuses (EPERM: not root, or locked down) or has no bpf(2)
     */
    public static List<Program> list() throws HostException {
        List<Program> out = new ArrayList<>();
        HostPath self = HostPath.of("/sys/fs/bpf");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment attr = arena.allocate(ATTR_SIZE, 8);
            MemorySegment info = arena.allocate(INFO_SIZE, 8);
            int id = 0;
            while (true) {
                attr.fill((byte) 0);
                attr.set(JAVA_INT, 0, id);
                long r = Libc.bpf(PROG_GET_NEXT_ID, attr);
                if (r == -Libc.ENOENT) {
                    return out; // no program after this id
                }
                if (r < 0) {
                    throw new HostException("bpf", self, (int) -r);
                }
                id = attr.get(JAVA_INT, 4);
                attr.fill((byte) 0);
                attr.set(JAVA_INT, 0, id);
                long fd = Libc.bpf(PROG_GET_FD_BY_ID, attr);
                if (fd == -Libc.ENOENT) {
                    continue; // unloaded meanwhile
                }
                if (fd < 0) {
                    throw new HostException("bpf", self, (int) -fd);
                }
                try {
                    info.fill((byte) 0);
                    attr.fill((byte) 0);
                    attr.set(JAVA_INT, 0, (int) fd);
                    attr.set(JAVA_INT, 4, INFO_SIZE);
                    attr.set(JAVA_LONG, 8, info.address());
                    long got = Libc.bpf(OBJ_GET_INFO_BY_FD, attr);
                    if (got < 0) {
                        throw new HostException("bpf", self, (int) -got);
                    }
                    out.add(program(info));
                } finally {
                    Libc.close((int) fd);
                }
            }
        }
    }

    /** struct bpf_prog_info: type, id, tag[8], ..., load_time (ns since boot), created_by_uid, nr_map_ids, ..., name[16]. */
    private static Program program(MemorySegment info) {
        int type = info.get(JAVA_INT, 0);
        byte[] name = info.asSlice(64, 16).toArray(ValueLayout.JAVA_BYTE);
        int end = 0;
        while (end < name.length && name[end] != 0) {
            end++;
        }
        return new Program(info.get(JAVA_INT, 4),
                type >= 0 && type < TYPES.size() ? TYPES.get(type) : "type " + type,
                new String(name, 0, end, StandardCharsets.UTF_8),
                HexFormat.of().formatHex(info.asSlice(8, 8).toArray(ValueLayout.JAVA_BYTE)),
                Duration.ofNanos(info.get(JAVA_LONG, 40)),
                Integer.toUnsignedLong(info.get(JAVA_INT, 48)),
                info.get(JAVA_INT, 52));
    }
}
