package dev.ward.collect.webshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Fixtures;
import dev.ward.collect.webshell.WebShellScanner.Hit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class WebShellScannerTest {
    @Test
    void shells() {
        assertEquals(Optional.of(new Hit("php: execution of decoded text", 4,
                        "if (isset($_REQUEST['k'])) { @assert(@base64_decode($_REQUEST['k'])); }")),
                WebShellScanner.scan(Fixtures.text("webshell/shell.php")));
        assertEquals(Optional.of(new Hit("php: execution of request input", 1, "<?php system($_GET[\"cmd\"]); ?>")),
                WebShellScanner.scan(Fixtures.text("webshell/request.php")));
        assertEquals("aspx: process start of request input",
                WebShellScanner.scan(Fixtures.text("webshell/cmd.aspx")).orElseThrow().pattern());
    }

    @Test
    void ordinaryCodeIsNotAShell() {
        assertEquals(Optional.empty(), WebShellScanner.scan(Fixtures.text("webshell/clean.php")));
        assertEquals(Optional.empty(), WebShellScanner.scan("\u0000\u00ff\u00fe eval"));
    }

    @Test
    void longLineIsCutAroundTheMatch() {
        String line = "a".repeat(5000) + "eval(gzinflate(base64_decode('x')))" + "b".repeat(5000);
        Hit h = WebShellScanner.scan(line).orElseThrow();
        assertEquals(200, h.text().length());
        assertEquals(true, h.text().contains("eval(gzinflate("));
    }

    @Test
    @Timeout(10)
    void hostileLinesFinish() {
        assertEquals(Optional.empty(), WebShellScanner.scan("<?php eval(" + "a(".repeat(200_000) + "\n"));
        assertEquals(Optional.empty(), WebShellScanner.scan("exec ".repeat(20_000) + "\n"));
        assertEquals(Optional.empty(), WebShellScanner.scan("`" + "$_POST ".repeat(20_000) + "\n"));
        assertEquals(Optional.empty(), WebShellScanner.scan("Process.Start(".repeat(10_000) + "\n"));
    }

    @Test
    @Timeout(10)
    void aShellFarIntoALongLineIsFound() {
        String line = "<?php /*" + " ".repeat(1_000_000) + "*/ eval($_POST['x']); ?>";
        Hit hit = WebShellScanner.scan("<?php\n" + line + "\n").orElseThrow();
        assertEquals("php: execution of request input", hit.pattern());
        assertEquals(2, hit.line());
        assertEquals("php: execution of request input",
                WebShellScanner.scan("<?php eval(stripslashes(" + "a(".repeat(5) + "$_GET['c']))))))); ?>")
                        .orElseThrow().pattern());
    }
}
