package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreloadDetectorTest {
    @TempDir
    Path dir;

    @Test
    void unownedLibraryIsCriticalAndNamesBothFiles() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .write("/usr/lib/x86_64-linux-gnu/libseconf.so.1", "\u007fELF...readdir64")
                .packaged("libjemalloc2", "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2", "\u007fELF")
                .write("/etc/ld.so.preload", "# comment\n/usr/lib/x86_64-linux-gnu/libseconf.so.1\n"
                        + "libjemalloc.so.2 /lib/gone.so\n")
                .write("/etc/environment", "LANG=C\nexport LD_PRELOAD=\"/usr/lib/x86_64-linux-gnu/libseconf.so.1\"\n");
        List<Finding> f = root.run(new PreloadDetector());
        assertEquals(List.of(
                "critical linux.preload.library /etc/ld.so.preload,/usr/lib/x86_64-linux-gnu/libseconf.so.1",
                "high linux.preload.library /etc/ld.so.preload,/usr/lib/x86_64-linux-gnu/libjemalloc.so.2",
                "high linux.preload.library /etc/ld.so.preload,/lib/gone.so",
                "critical linux.preload.library /etc/environment,/usr/lib/x86_64-linux-gnu/libseconf.so.1"),
                PackagedRoot.brief(f));
        assertEquals(2, f.get(0).evidence().get("line"));
        assertEquals("no package", f.get(0).evidence().get("package"));
        assertEquals("libjemalloc2", f.get(1).evidence().get("package"));
        assertEquals("library absent", f.get(2).evidence().get("package"));
        assertEquals(false, f.get(2).evidence().get("library_exists"));
    }

    @Test
    void commentsOnlyIsQuiet() throws Exception {
        PackagedRoot root = new PackagedRoot(dir).write("/etc/ld.so.preload", "# nothing\n\n")
                .write("/etc/environment", "PATH=/usr/bin\n# LD_PRELOAD=/x.so\n");
        assertEquals(List.of(), root.run(new PreloadDetector()));
    }

    @Test
    void ldAuditSystemdEnvironmentAndLibraryDirs() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("libc-bin", "/etc/ld.so.conf", "include /etc/ld.so.conf.d/*.conf\n")
                .packaged("libc6", "/etc/ld.so.conf.d/libc.conf", "/usr/local/lib\n")
                .mkdir("/usr/local/lib")
                .packaged("libc6", "/usr/lib/x86_64-linux-gnu/libc.so.6", "\u007fELF")
                .write("/etc/ld.so.conf.d/zz-cache.conf", "/var/tmp/.cache/lib\n/opt/agent/lib\n/opt/gone\n")
                .write("/etc/ld.so.conf.d/zz-cuda.conf", "/opt/cuda/lib\n")
                .write("/opt/agent/lib/libc.so.6", "\u007fELF")
                .write("/opt/cuda/lib/libcudart.so.13", "\u007fELF")
                .write("/etc/environment", "LD_AUDIT=/lib/libaudit.so.9\n")
                .write("/etc/systemd/system.conf", "[Manager]\nDefaultEnvironment=\"LD_PRELOAD=/usr/lib/libsd.so\"\n");
        List<Finding> f = root.run(new PreloadDetector());
        assertEquals(List.of("high linux.preload.library /etc/environment,/lib/libaudit.so.9",
                "high linux.preload.library /etc/systemd/system.conf,/usr/lib/libsd.so",
                "high linux.preload.library_dir /etc/ld.so.conf.d/zz-cache.conf,/var/tmp/.cache/lib",
                "high linux.preload.library_dir /etc/ld.so.conf.d/zz-cache.conf,/opt/agent/lib",
                "low linux.preload.library_dir /etc/ld.so.conf.d/zz-cuda.conf,/opt/cuda/lib"), PackagedRoot.brief(f));
        assertEquals("holds libraries named like system ones", f.get(3).evidence().get("indicator"));
        assertEquals(List.of("libc.so.6"), f.get(3).evidence().get("shadows"));
        assertEquals("directory owned by no package", f.get(4).evidence().get("indicator"));
    }
}
