package dev.ward.collect.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class PasswdParserTest {
    private static String fixture(String name) throws IOException {
        try (var in = Objects.requireNonNull(PasswdParserTest.class.getResourceAsStream("/fixtures/accounts/" + name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void keepsGoodLinesAndNamesTheBadOnes() throws IOException {
        PasswdParser.Parsed parsed = PasswdParser.parse(fixture("passwd-broken"), "/etc/passwd");
        assertEquals(List.of("root", "daemon", "trunc"), parsed.lines().stream().map(PasswdParser.Line::name).toList());
        PasswdParser.Line trunc = parsed.lines().get(2);
        assertEquals(8, trunc.number());
        assertEquals("/bin/ba", trunc.shell());
        assertEquals(List.of(
                "accounts: /etc/passwd: line 4: expected 7 fields, found 3",
                "accounts: /etc/passwd: line 5: uid or gid is not a number",
                "accounts: /etc/passwd: line 6: NIS compat entry '+::::::' is not resolved",
                "accounts: /etc/passwd: line 7: expected 7 fields, found 1"),
                parsed.errors().stream().map(Object::toString).toList());
    }

    @Test
    void shadowTakesNamePasswordAndLastChange() {
        ShadowParser.Parsed parsed = ShadowParser.parse(
                "root:*:20785:0:99999:7:::\nbob:$6$x$y:19000:0:99999:7:::\nnew::::::::\nshort\nodd:!:soon::::::\n", "/etc/shadow");
        assertEquals(20785, parsed.byName().get("root").lastChange());
        assertEquals("$6$x$y", parsed.byName().get("bob").password());
        assertEquals(-1, parsed.byName().get("new").lastChange());
        assertEquals("", parsed.byName().get("new").password());
        assertEquals(-1, parsed.byName().get("odd").lastChange());
        assertEquals(List.of(
                "accounts: /etc/shadow: line 4: expected 9 fields, found 1",
                "accounts: /etc/shadow: line 5: last change 'soon' is not a number"),
                parsed.errors().stream().map(Object::toString).toList());
    }

    @Test
    void passwordStatesAndShells() {
        assertEquals(dev.ward.model.AccountEntry.PasswordState.HASH, AccountsCollector.stateOf("$y$j9T$abc"));
        assertEquals(dev.ward.model.AccountEntry.PasswordState.HASH, AccountsCollector.stateOf("abcdefghijklm"));
        assertEquals(dev.ward.model.AccountEntry.PasswordState.LOCKED, AccountsCollector.stateOf("!$6$x$y"));
        assertEquals(dev.ward.model.AccountEntry.PasswordState.LOCKED, AccountsCollector.stateOf("*"));
        assertEquals(dev.ward.model.AccountEntry.PasswordState.EMPTY, AccountsCollector.stateOf(""));
        assertEquals(true, AccountsCollector.isLoginShell(""));
        assertEquals(true, AccountsCollector.isLoginShell("/bin/bash"));
        assertEquals(false, AccountsCollector.isLoginShell("/usr/sbin/nologin"));
        assertEquals(false, AccountsCollector.isLoginShell("/bin/sync"));
        assertEquals(true, AccountsCollector.isSystem(33));
        assertEquals(false, AccountsCollector.isSystem(0));
        assertEquals(false, AccountsCollector.isSystem(1000));
        assertEquals(true, AccountsCollector.isSystem(65534));
    }
}
