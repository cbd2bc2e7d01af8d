package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevDetectorTest {
    @TempDir
    Path dir;

    @Test
    void filesAndHiddenDirectoriesUnderDev() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .write("/dev/.rk/config", "hide=1\n")
                .write("/dev/sdz", "not a device")
                .write("/dev/shm/sem.pulse", "shared memory")
                .write("/dev/shm/.x/miner", "\u007fELF\u0002\u0001")
                .write("/dev/.lxc-boot-id", "2f9c")
                .symlink("/dev/stdin", "/proc/self/fd/0");
        List<Finding> f = root.run(new DevDetector());
        assertEquals(List.of("info linux.dev.unexpected_file /dev/.lxc-boot-id", "high linux.dev.unexpected_file /dev/.rk",
                "high linux.dev.unexpected_file /dev/.rk/config", "high linux.dev.unexpected_file /dev/sdz",
                "high linux.dev.unexpected_file /dev/shm/.x/miner"), PackagedRoot.brief(f));
        assertEquals(true, f.get(4).evidence().get("elf"));
        assertEquals("LXC writes the container's boot id here", f.get(0).evidence().get("explanation"));
    }

    @Test
    void emptyDevIsQuiet() throws Exception {
        assertEquals(List.of(), new PackagedRoot(dir).mkdir("/dev/shm").mkdir("/dev/pts")
                .symlink("/dev/fd", "/proc/self/fd").run(new DevDetector()));
    }
}
