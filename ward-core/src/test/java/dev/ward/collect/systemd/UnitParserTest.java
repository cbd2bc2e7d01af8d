package dev.ward.collect.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Fixtures;
import dev.ward.model.SystemdUnit.Exec;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitParserTest {
    @Test
    void execLinesWithoutPrefixesAndTimerSettings() {
        UnitParser.Parsed p = UnitParser.parse(Fixtures.text("systemd/unit.service"));
        assertEquals(List.of(new Exec(7, "ExecStartPre", "/usr/bin/mkdir -p /run/x"),
                new Exec(8, "ExecStart", "/usr/sbin/daemon daemon-name --flag value"),
                new Exec(11, "ExecReload", "/bin/kill -HUP $MAINPID")), p.execs());
        assertEquals(List.of("OnCalendar=*-*-* 03:00", "Unit=other.service"), p.timers());
        assertEquals("other.service", UnitParser.timerTarget("x.timer", p.timers()));
        assertEquals("x.service", UnitParser.timerTarget("x.timer", List.of("OnBootSec=5min")));
    }

    @Test
    void garbageAndBadSectionsAreIgnored() {
        UnitParser.Parsed p = UnitParser.parse(Fixtures.text("systemd/broken.service"));
        assertEquals(List.of(new Exec(7, "ExecStart", "/usr/bin/real"), new Exec(8, "ExecStop", "/bin/cut \\")),
                p.execs());
        assertEquals(List.of(), p.timers());
    }

    @Test
    void templateNames() {
        assertEquals("getty@.service", UnitTree.template("getty@tty1.service"));
        assertEquals("ssh.service", UnitTree.template("ssh.service"));
        assertEquals("a.b@", UnitTree.template("a.b@"));
    }

    @Test
    void dependenciesAndTriggers() {
        UnitParser.Parsed p = UnitParser.parse("[Unit]\nWants=a.service b.target\nOnFailure=c.service\nAfter=d.service\n"
                + "[Path]\nUnit=e.service\n[Socket]\nService=f.service\n[Install]\nWantedBy=multi-user.target\n");
        assertEquals(List.of("a.service", "b.target", "c.service"), p.deps());
        assertEquals(List.of("e.service", "f.service"), p.triggers());
    }
}
