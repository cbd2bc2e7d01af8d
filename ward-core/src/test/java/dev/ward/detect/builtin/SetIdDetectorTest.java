package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetIdDetectorTest {
    private static final String BASH = "\u007fELF bash bytes";

    @TempDir
    Path dir;

    @Test
    void shellCopyTempAndPlainUnowned() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .packaged("bash", "/bin/bash", BASH)
                .write("/etc/shells", "# /etc/shells\n/bin/sh\n/bin/bash\n")
                .packaged("passwd", "/usr/bin/passwd", "passwd").chmod("/usr/bin/passwd", "4755")
                .write("/usr/share/man/.cache/sh", BASH).chmod("/usr/share/man/.cache/sh", "4755")
                .write("/tmp/helper", "other").chmod("/tmp/helper", "2755")
                .write("/usr/local/bin/tool", "tool").chmod("/usr/local/bin/tool", "4711")
                .mkdir("/var/mail").chmod("/var/mail", "2775");
        List<Finding> f = root.run(new SetIdDetector());
        assertEquals(List.of("critical linux.setid.unowned /tmp/helper",
                "high linux.setid.unowned /usr/local/bin/tool", "critical linux.setid.unowned /usr/share/man/.cache/sh"),
                PackagedRoot.brief(f));
        assertEquals("4755", f.get(2).evidence().get("mode"));
        assertEquals("copy of the shell /bin/bash", f.get(2).evidence().get("indicator"));
        assertEquals(0L, f.get(2).evidence().get("uid"));
        assertEquals((long) BASH.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, f.get(2).evidence().get("size"));
        assertEquals(PackagedRoot.MTIME.toString(), f.get(2).evidence().get("mtime"));
        assertEquals("2755", f.get(0).evidence().get("mode"));
    }

    @Test
    void packagedSetIdIsQuiet() throws Exception {
        PackagedRoot root = new PackagedRoot(dir).packaged("mount", "/usr/bin/mount", "m").chmod("/usr/bin/mount", "4755")
                .packaged("util-linux", "/bin/su", "s").chmod("/bin/su", "4755");
        assertEquals(List.of(), root.run(new SetIdDetector()));
    }
}
