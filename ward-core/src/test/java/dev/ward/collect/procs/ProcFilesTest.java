package dev.ward.collect.procs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.net.ProcNet;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /proc text as the kernel wrote it, captured from a Debian 12 host (6.1 kernel). */
class ProcFilesTest {
    @Test
    void statOfAProcessWithParenthesesInItsName() {
        ProcFiles.Stat s = ProcFiles.stat("4100 (my (odd) name) S 1 4100 4100 0 -1 4194560 1092 0 0 0 25 13 0 0 20 0 3 0 "
                + "123456 10485760 2048 18446744073709551615 1 1 0 0 0 0 0 4096 16386 0 0 0 17 1 0 0 0 0 0\n");
        assertEquals(4100, s.pid());
        assertEquals("my (odd) name", s.name());
        assertEquals("S", s.state());
        assertEquals(1, s.ppid());
        assertEquals(38, s.cpuTicks());
        assertEquals(3, s.threads());
        assertEquals(123456, s.startTicks());
        assertEquals(2048, s.rssPages());
        assertFalse(s.kernelThread());
    }

    @Test
    void kernelThreadAndProcessesThatEndedWhileRead() {
        ProcFiles.Stat k = ProcFiles.stat("29665 (kworker/1:1H-kblockd) I 2 0 0 0 -1 69238880 0 0 0 0 0 47 0 0 0 -20 1 0 "
                + "5775121 0 0 18446744073709551615 0 0 0 0 0 0 0 2147483647 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0");
        assertTrue(k.kernelThread());
        assertEquals(2, k.ppid());
        assertNull(ProcFiles.stat(""), "the process ended: its stat reads empty");
        assertNull(ProcFiles.stat("4100 (cut short) S 1"));
    }

    @Test
    void statusCmdlineEnvironMaps() {
        String status = "Name:\tsshd\nUmask:\t0022\nState:\tS (sleeping)\nTgid:\t612\nNgid:\t0\nPid:\t612\nPPid:\t1\n"
                + "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n";
        assertEquals(0, ProcFiles.statusField(status, "Uid"));
        assertEquals(612, ProcFiles.statusField(status, "Tgid"));
        assertEquals(-1, ProcFiles.statusField(status, "Seccomp"));
        assertEquals("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups",
                ProcFiles.command("sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups\0".getBytes(StandardCharsets.UTF_8)));
        assertEquals("sleep 600", ProcFiles.command("sleep\u0000600\u0000".getBytes(StandardCharsets.UTF_8)));
        byte[] env = "PATH=/usr/bin\0LD_PRELOAD=/tmp/.x/libhide.so\0HOME=/root\0".getBytes(StandardCharsets.UTF_8);
        assertEquals("/tmp/.x/libhide.so", ProcFiles.environment(env, "LD_PRELOAD"));
        assertEquals("", ProcFiles.environment(env, "LD_AUDIT"));
        String maps = """
                55d0c9a00000-55d0c9a04000 r--p 00000000 fe:01 1048602                    /usr/bin/sleep
                55d0c9a04000-55d0c9a08000 r-xp 00004000 fe:01 1048602                    /usr/bin/sleep
                7f1e2a828000-7f1e2a9bd000 r-xp 00028000 fe:01 1051245                    /usr/lib/x86_64-linux-gnu/libc.so.6
                7f1e2aa00000-7f1e2aa01000 r-xp 00001000 00:1f 52                         /dev/shm/.x/libhide.so (deleted)
                7ffd5b5f3000-7ffd5b5f5000 r-xp 00000000 00:00 0                          [vdso]
                """;
        assertEquals(List.of("/usr/bin/sleep", "/usr/lib/x86_64-linux-gnu/libc.so.6", "/dev/shm/.x/libhide.so (deleted)"),
                ProcFiles.executableMappings(maps));
        assertEquals(1764292673L, ProcFiles.bootTime("cpu  1 2 3\nintr 5\nctxt 9\nbtime 1764292673\nprocesses 30\n"));
    }

    @Test
    void socketTables() {
        Map<Long, ProcNet.Socket> tcp = ProcNet.parse("""
                  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 31337 1 0 100 0 0 10 0
                   1: 0100007F:9EBA 0100007F:1F90 01 00000000:00000000 00:00000000 00000000     0        0 31338 1 0 20 4 30 10 -1
                """, "tcp");
        assertEquals(new ProcNet.Socket("tcp", "127.0.0.1:8080", "0.0.0.0:0", "0A", 1000, 31337), tcp.get(31337L));
        assertEquals("127.0.0.1:40634", tcp.get(31338L).local());
        Map<Long, ProcNet.Socket> tcp6 = ProcNet.parse("""
                  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
                   0: 00000000000000000000000001000000:0016 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 18121 1 0 100 0 0 10 0
                """, "tcp6");
        assertEquals("[0:0:0:0:0:0:0:1]:22", tcp6.get(18121L).local());
    }
}
