package dev.ward.collect.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Fixtures;
import dev.ward.collect.modules.ModulesParser.Name;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModulesParserTest {
    @Test
    void namesArgumentsCommentsAndGarbage() {
        ModulesParser.Result r = ModulesParser.parse(Fixtures.text("modules/modules.conf"));
        assertEquals(List.of(new Name(2, "loop"), new Name(4, "snd-hda-intel"), new Name(8, "br_netfilter")), r.names());
        assertEquals(List.of("line 6: not a module name", "line 7: not a module name"), r.problems());
        assertEquals("snd_hda_intel", ModulesParser.canonical("snd-hda-intel"));
    }

    @Test
    void modprobeInstallAndRemoveLines() {
        String text = "# comment\nalias net-pf-10 ipv6\noptions snd slots=1\ninstall usb-storage /bin/true\n"
                + "remove dccp /sbin/modprobe -r --ignore-remove dccp && \\\n  /tmp/.x/run\nblacklist pcspkr\ninstall\n";
        assertEquals(List.of(new ModulesParser.Command(4, "install", "usb-storage", "/bin/true"),
                new ModulesParser.Command(5, "remove", "dccp", "/sbin/modprobe -r --ignore-remove dccp &&  /tmp/.x/run")),
                ModulesParser.modprobe(text));
    }
}
