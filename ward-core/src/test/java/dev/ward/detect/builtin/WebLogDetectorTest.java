package dev.ward.detect.builtin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebLogDetectorTest {
    @TempDir
    Path dir;

    static String request(String ip, int second, String path, int status, String agent) {
        return String.format("%s - - [20/Nov/2026:03:%02d:%02d +0000] \"GET %s HTTP/1.1\" %d 100 \"-\" \"%s\"%n",
                ip, second / 60, second % 60, path, status, agent);
    }

    @Test
    void scannersAndShells() throws Exception {
        StringBuilder log = new StringBuilder();
        log.append(request("198.51.100.1", 0, "/", 200, "Mozilla/5.00 (Nikto/2.1.6) (Evasions:None) (Test:000003)"));
        for (int i = 0; i < 25; i++) {
            log.append(request("198.51.100.2", 60 + i * 10, "/backup" + i + ".zip", 404, "Mozilla/5.0"));
        }
        for (int i = 0; i < 25; i++) {
            log.append(request("198.51.100.3", i * 60, "/missing" + i, 404, "Mozilla/5.0")); // a broken link, slowly
        }
        log.append(request("203.0.113.9", 3000, "/wp-content/uploads/2026/11/img.php?cmd=id", 200, "curl/8.0"));
        log.append(request("203.0.113.10", 3001, "/c99.php", 404, "curl/8.0"));
        log.append(request("192.0.2.1", 3002, "/index.php?page=home", 200, "Mozilla/5.0"));
        PackagedRoot r = new PackagedRoot(dir).write("/var/log/apache2/access.log", log.toString());
        assertEquals(List.of(
                "high linux.web.shell_request /var/log/apache2/access.log",
                "medium linux.web.scanner ",
                "medium linux.web.scanner ",
                "medium linux.web.shell_request /var/log/apache2/access.log"),
                PackagedRoot.brief(r.run(new WebLogDetector())).stream().sorted().toList());
    }
}
