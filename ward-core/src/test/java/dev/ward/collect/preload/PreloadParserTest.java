package dev.ward.collect.preload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Fixtures;
import dev.ward.collect.preload.PreloadParser.Lib;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreloadParserTest {
    @Test
    void preloadFileSplitsOnSpacesAndColons() {
        String l2 = "/usr/lib/libone.so  /usr/lib/libtwo.so:libthree.so # trailing comment";
        assertEquals(List.of(new Lib(2, l2, "/usr/lib/libone.so"), new Lib(2, l2, "/usr/lib/libtwo.so"),
                new Lib(2, l2, "libthree.so"), new Lib(4, "/lib/libfour.so", "/lib/libfour.so")),
                PreloadParser.preloadFile(Fixtures.text("preload/ld.so.preload")));
    }

    @Test
    void environmentOnlyLdPreload() {
        String l2 = "LD_PRELOAD=\"/lib/x86_64-linux-gnu/libx.so /lib/liby.so\"";
        assertEquals(List.of(new Lib(2, l2, "/lib/x86_64-linux-gnu/libx.so"), new Lib(2, l2, "/lib/liby.so"),
                new Lib(3, "export LD_PRELOAD=/lib/libz.so", "/lib/libz.so")),
                PreloadParser.environment(Fixtures.text("preload/environment")));
    }

    @Test
    void garbageGivesNoCrash() {
        assertEquals(List.of(), PreloadParser.environment("\u0000\u00ff\nLD_PRELOAD=\n"));
        assertEquals(1, PreloadParser.preloadFile("\u0000/lib/x.so\u0000").size());
    }

    @Test
    void ldAuditSystemConfAndLdSoConf() {
        assertEquals(List.of(new Lib(1, "LD_AUDIT=/lib/a.so", "/lib/a.so")), PreloadParser.environment("LD_AUDIT=/lib/a.so\n"));
        String l2 = "DefaultEnvironment=LANG=C \"LD_PRELOAD=/x.so /y.so\" LD_AUDIT=/z.so";
        assertEquals(List.of(new Lib(2, l2, "/x.so"), new Lib(2, l2, "/y.so"), new Lib(2, l2, "/z.so")),
                PreloadParser.systemConf("[Manager]\n" + l2 + "\n#DefaultEnvironment=LD_PRELOAD=/no.so\n"));
        assertEquals(List.of(new PreloadParser.Dir(2, "/usr/local/lib"), new PreloadParser.Dir(3, "/opt/a/lib"),
                new PreloadParser.Dir(3, "/dev/shm/.l")),
                PreloadParser.ldSoConf("include /etc/ld.so.conf.d/*.conf\n/usr/local/lib # local\n/opt/a/lib:/dev/shm/.l\n"));
    }
}
