package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.collect.modules.LoadedModules;
import dev.ward.host.BpfPrograms;
import dev.ward.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A root holding the kernel's files as a Debian 12 host shows them (/proc/modules lines, /sys/module
 * entries, the taint number), written into a test directory: this machine's kernel has no loadable
 * modules to look at.
 */
class KernelDetectorTest {
    @TempDir
    Path dir;

    @Test
    void hiddenUnownedAndTainted() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .write("/proc/modules", """
                        ext4 1007616 1 - Live 0x0000000000000000
                        nvidia 56733696 0 - Live 0x0000000000000000 (POE)
                        diamorphine 16384 0 - Live 0x0000000000000000 (OE)
                        """)
                .write("/proc/sys/kernel/tainted", "12289\n")
                .packaged("linux-image-6.1.0-26-amd64", "/lib/modules/6.1.0-26-amd64/kernel/fs/ext4/ext4.ko", "ko")
                .write("/lib/modules/6.1.0-26-amd64/updates/dkms/nvidia.ko", "ko")
                .write("/sys/module/ext4/initstate", "live\n")
                .write("/sys/module/nvidia/initstate", "live\n")
                .write("/sys/module/reptile_module/initstate", "live\n")
                .write("/sys/module/diamorphine/initstate", "live\n")
                .write("/sys/module/printk/parameters/time", "Y\n"); // built in: no initstate
        List<Finding> found = root.run(new KernelDetector(true));
        assertEquals(List.of(
                "critical linux.kernel.hidden_module /sys/module/reptile_module",
                "high linux.kernel.unowned_module /sys/module/diamorphine",
                "medium linux.kernel.tainted /proc/sys/kernel/tainted",
                "medium linux.kernel.unowned_module /lib/modules/6.1.0-26-amd64/updates/dkms/nvidia.ko"),
                PackagedRoot.brief(found).stream().sorted().toList());
        Finding t = found.stream().filter(f -> f.check().endsWith("tainted")).findFirst().orElseThrow();
        assertEquals("POE", t.evidence().get("flags"));
        assertTrue(t.summary().contains("diamorphine (OE)"), t.summary());
    }

    @Test
    void aKernelWithoutModulesOrAnImage() throws Exception {
        PackagedRoot root = new PackagedRoot(dir).write("/sys/module/printk/parameters/time", "Y\n");
        assertEquals(List.of(), root.run(new KernelDetector(true)), "no /proc/modules: no loadable modules");
        root.write("/proc/modules", "diamorphine 16384 0 - Live 0x0000000000000000 (OE)\n");
        assertEquals(List.of(), root.run(new KernelDetector()), "an image's /proc is not a running kernel's");
    }

    @Test
    void taintBits() {
        assertEquals(List.of("P", "O", "E"), LoadedModules.taints(12289).stream().map(t -> t[0]).toList());
        assertEquals(List.of(), LoadedModules.taints(0));
    }

    /** A kprobe is judged, systemd's device programs (one per unit, same name) are listed as one. */
    @Test
    void bpfProgramsByKind() {
        java.time.Instant boot = java.time.Instant.parse("2026-11-28T08:00:00Z");
        List<BpfPrograms.Program> loaded = List.of(
                new BpfPrograms.Program(7, "cgroup_device", "sd_devices", "aa00aa00aa00aa00", java.time.Duration.ofSeconds(3), 0, 0),
                new BpfPrograms.Program(9, "cgroup_device", "sd_devices", "bb00bb00bb00bb00", java.time.Duration.ofSeconds(4), 0, 0),
                new BpfPrograms.Program(42, "kprobe", "hide_pid", "59f4a931744dcdc6", java.time.Duration.ofHours(2), 1000, 2));
        List<Finding> found = KernelDetector.bpfFindings(loaded, boot);
        assertEquals(List.of("info sd_devices", "medium hide_pid"),
                found.stream().map(f -> f.severity().label() + " " + f.evidence().get("name")).sorted().toList());
        Finding kprobe = found.stream().filter(f -> f.evidence().get("name").equals("hide_pid")).findFirst().orElseThrow();
        assertEquals("BPF kprobe program hide_pid (id 42, tag 59f4a931744dcdc6, loaded 2026-11-28T10:00:00Z, by uid 1000)",
                kprobe.summary());
        Finding devices = found.stream().filter(f -> f.evidence().get("name").equals("sd_devices")).findFirst().orElseThrow();
        assertTrue(devices.summary().contains("(id 2 programs: [7, 9]"), devices.summary());
    }
}
