package dev.ward.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class HostPathTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/etc/passwd|/etc/passwd",
        "//etc///cron.d/|/etc/cron.d",
        "etc/x|/etc/x",
        "/|/",
        "/tmp/-rf|/tmp/-rf",
        "/tmp/caf\u00e9|/tmp/caf\u00e9",
    })
    void normalisesAndDisplays(String in, String shown) {
        assertEquals(shown, HostPath.parse(in).display());
    }

    @Test
    void invalidUtf8AndControlBytesAreEscapedAndReadBack() {
        byte[] raw = {'/', 't', 'm', 'p', '/', 'a', (byte) 0xff, '\n', 'b', '\\', (byte) 0xc3};
        HostPath p = HostPath.ofBytes(raw);
        assertEquals("/tmp/a\\xff\\nb\\\\\\xc3", p.display());
        assertArrayEquals(raw, HostPath.parse(p.display()).bytes());
        assertEquals(p, HostPath.parse(p.display()));
    }

    @Test
    void overlongAndSurrogateEncodingsAreNotTakenAsText() {
        byte[] overlong = {'/', (byte) 0xc0, (byte) 0xaf};
        assertEquals("/\\xc0\\xaf", HostPath.ofBytes(overlong).display());
        byte[] surrogate = {'/', (byte) 0xed, (byte) 0xa0, (byte) 0x80};
        assertEquals("/\\xed\\xa0\\x80", HostPath.ofBytes(surrogate).display());
    }

    @Test
    void bidiOverridesAreEscapedSoNamesCannotDisguiseThemselves() {
        String rlo = "/tmp/x\u202egpj.sh";
        assertEquals("/tmp/x\\xe2\\x80\\xaegpj.sh", HostPath.ofBytes(rlo.getBytes(StandardCharsets.UTF_8)).display());
    }

    @Test
    void resolveParentAndName() {
        HostPath etc = HostPath.of("/etc");
        HostPath f = etc.resolve(new byte[] {'-', 'x', (byte) 0xfe});
        assertEquals("/etc/-x\\xfe", f.display());
        assertEquals("-x\\xfe", f.name());
        assertEquals(etc, f.parent());
        assertEquals(HostPath.ROOT, etc.parent());
        assertEquals("/etc/cron.d/job", etc.resolve("cron.d/job").display());
        assertTrue(f.startsWith(etc));
        assertFalse(HostPath.of("/etcetera").startsWith(etc));
    }

    @Test
    void hiddenMeansAnyDotComponent() {
        assertTrue(HostPath.of("/var/tmp/.cache-x/sh").isHidden());
        assertTrue(HostPath.of("/root/.ssh").isHidden());
        assertFalse(HostPath.of("/usr/bin/ls").isHidden());
    }
}
