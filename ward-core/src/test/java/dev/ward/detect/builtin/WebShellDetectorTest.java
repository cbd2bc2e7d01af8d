package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.model.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebShellDetectorTest {
    @TempDir
    Path dir;

    @Test
    void findsShellsInWebRoots() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .write("/var/www/html/wp-content/uploads/2026/01/thumb.php", "<?php\n/* cache */\n"
                        + "@eval(base64_decode('ZWNobyAiaGkiOw=='));\n?>\n")
                .write("/srv/www/app/x.jsp", "<% Runtime.getRuntime().exec(request.getParameter(\"c\")); %>\n")
                .write("/var/www/html/index.html", "<?php eval($_POST['x']); ?>")
                .write("/var/www/html/ok.php", "<?php echo htmlspecialchars($_GET['q']); system('uptime'); ?>");
        List<Finding> f = root.run(new WebShellDetector());
        assertEquals(List.of("high linux.web.shell /var/www/html/wp-content/uploads/2026/01/thumb.php",
                "high linux.web.shell /srv/www/app/x.jsp"), PackagedRoot.brief(f));
        assertEquals(3, f.get(0).evidence().get("line"));
        assertEquals("php: execution of decoded text", f.get(0).evidence().get("indicator"));
        assertEquals("no package", f.get(0).evidence().get("package"));
    }

    @Test
    void linkedWebRootUserDirsAndOtherExtensions() throws Exception {
        PackagedRoot root = new PackagedRoot(dir)
                .write("/etc/passwd", "bob:x:1000:1000::/home/bob:/bin/bash\n")
                .write("/data/www/html/up.php", "<?php eval($_POST['x']); ?>\n")
                .symlink("/var/www", "/data/www")
                .symlink("/srv/www", "../data/www")
                .write("/home/bob/public_html/a.pht", "<?php system($_GET['c']); ?>\n")
                .write("/home/carol/public_html/b.shtml", "<!--#exec cmd=\"$QUERY_STRING_UNESCAPED\" -->\n");
        List<Finding> f = root.run(new WebShellDetector());
        assertEquals(List.of("high linux.web.shell /var/www/html/up.php",
                "high linux.web.shell /home/bob/public_html/a.pht",
                "high linux.web.shell /home/carol/public_html/b.shtml"), PackagedRoot.brief(f));
        assertEquals("ssi: exec of request input", f.get(2).evidence().get("indicator"));
    }

    @Test
    void noWebRootIsQuiet() throws Exception {
        assertEquals(List.of(), new PackagedRoot(dir).write("/home/bob/x.php", "<?php eval($_POST['x']);")
                .run(new WebShellDetector()));
    }
}
