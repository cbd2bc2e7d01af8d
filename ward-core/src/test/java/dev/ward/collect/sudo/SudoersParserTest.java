package dev.ward.collect.sudo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Fixtures;
import dev.ward.model.CollectionError;
import dev.ward.model.SudoRule;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class SudoersParserTest {
    private static final String P = "/etc/sudoers";

    @Test
    void parsesSpecsContinuationsAndUidPrincipals() {
        SudoersParser.Parsed p = SudoersParser.parse(P, Fixtures.text("sudo/sudoers"));
        List<String> rules = p.rules().stream().map(SudoersParserTest::brief).toList();
        assertEquals(List.of(
                "6 root (ALL:ALL) pw [ALL]",
                "7 %sudo (ALL:ALL) pw [ALL]",
                "8 WEB (root) nopw [SHELLS]",
                "9 alice (ALL, !root) pw [/usr/bin/apt]",
                "9 alice (ALL, !root) nopw [/usr/bin/less /var/log/syslog]",
                "11 #1001 (root) nopw [ALL]",
                "16 carol (ALL) pw [ALL]"), rules);
        assertEquals(List.of(
                new SudoersParser.Include(12, true, "/etc/sudoers.d"),
                new SudoersParser.Include(13, false, "extra")), p.includes());
    }

    @Test
    void expandsAliasesOneLevel() {
        SudoersParser.Parsed p = SudoersParser.parse(P, Fixtures.text("sudo/sudoers"));
        List<SudoRule> web = Aliases.expand(p.rules().get(2), new HashMap<>(p.aliases()));
        assertEquals(List.of("www-data", "nobody"), web.stream().map(SudoRule::principal).toList());
        assertEquals(List.of("/bin/bash", "/usr/bin/python3"), web.get(0).commands());
        assertEquals(true, web.get(0).nopasswd());
    }

    @Test
    void expandsNestedAliasesAndStopsAtCycles() {
        SudoersParser.Parsed p = SudoersParser.parse(P, """
                Cmnd_Alias A = B
                Cmnd_Alias B = ALL
                User_Alias ADMINS = OPS, carol
                User_Alias OPS = mallory, !LOOP
                User_Alias LOOP = OPS, LOOP
                ADMINS ALL = NOPASSWD: A
                """);
        List<SudoRule> r = Aliases.expand(p.rules().get(0), new HashMap<>(p.aliases()));
        assertEquals(List.of("mallory", "!mallory", "carol"), r.stream().map(SudoRule::principal).toList());
        assertEquals(List.of("ALL"), r.get(0).commands());
    }

    @Test
    void aColonBeforeAnotherHostListStartsAnotherHostSpec() {
        SudoersParser.Parsed p = SudoersParser.parse(P, """
                alice h1 = /bin/a : h2, !h3 = NOPASSWD: ALL
                bob ALL = NOPASSWD: sha224:0GomF8mNN3wlDt1HD9XldjJ3SNgpFdbjO1+NsQ== /bin/ls, CWD=/tmp /bin/b
                """);
        assertEquals(List.of(
                "1 alice (root) pw [/bin/a] [h1]",
                "1 alice (root) nopw [ALL] [h2, !h3]",
                "2 bob (root) nopw [sha224:0GomF8mNN3wlDt1HD9XldjJ3SNgpFdbjO1+NsQ== /bin/ls, /bin/b] [ALL]"),
                p.rules().stream().map(r -> brief(r) + " " + r.hosts()).toList());
        assertEquals(List.of(), p.errors());
    }

    @Test
    void readsDefaults() {
        SudoersParser.Parsed p = SudoersParser.parse(P, Fixtures.text("sudo/sudoers"));
        List<String> d = p.defaults().stream()
                .map(x -> x.line() + " " + x.binding() + " " + (x.negated() ? "!" : "") + x.name() + x.operator() + x.value())
                .toList();
        assertEquals(List.of("2  env_reset", "3 :ops !authenticate", "3 :ops env_keep+=LD_PRELOAD HOME"), d);
    }

    @Test
    void badLinesAreErrors() {
        SudoersParser.Parsed p = SudoersParser.parse(P, Fixtures.text("sudo/sudoers"));
        assertEquals(List.of(
                new CollectionError("sudo", P, "line 14: not a sudoers entry: this is not sudoers"),
                new CollectionError("sudo", P, "line 15: not a sudoers entry: bob ALL="),
                new CollectionError("sudo", P, "line 17: not a sudoers entry (binary data)")), p.errors());
    }

    @Test
    void continuationAtEndOfFileDoesNotThrow() {
        SudoersParser.Parsed p = SudoersParser.parse(P, "alice ALL = \\");
        assertEquals(List.of(), p.rules());
        assertEquals(1, p.errors().size());
    }

    private static String brief(SudoRule r) {
        return r.line() + " " + r.principal() + " (" + r.runas() + ") " + (r.nopasswd() ? "nopw" : "pw") + " " + r.commands();
    }
}
