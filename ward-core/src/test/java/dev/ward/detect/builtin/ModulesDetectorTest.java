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
}
