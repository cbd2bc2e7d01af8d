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
}
