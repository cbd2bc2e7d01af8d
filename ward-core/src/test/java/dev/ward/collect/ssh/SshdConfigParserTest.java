package dev.ward.collect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Fixtures;
import dev.ward.model.CollectionError;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshdConfigParserTest {
    @Test
    void keepsKeywordsArgumentsAndMatchBlocks() {
        SshdConfigParser.Parsed p = SshdConfigParser.parse("/etc/ssh/sshd_config", Fixtures.text("ssh/sshd_config"), "");
        List<String> seen = p.directives().stream()
                .map(d -> d.line() + " " + d.keyword() + " " + d.args() + " [" + d.match() + "]").toList();
        assertEquals(List.of(
                "2 include [sshd_config.d/*.conf] []",
                "3 authorizedkeysfile [.ssh/authorized_keys, /etc/ssh/keys/%u] []",
                "4 hostbasedauthentication [yes] []",
                "5 banner [/etc/issue net] []",
                "8 authorizedkeysfile [/srv/keys/%U, %%literal] [User backup]",
                "9 authorizedkeyscommand [/usr/local/bin/keys, %u] [User backup]"), seen);
        assertEquals(List.of(new CollectionError("ssh", "/etc/ssh/sshd_config", "line 6: unbalanced quotes")), p.errors());
    }

    @Test
    void anIncludedFileInheritsTheMatchBlock() {
        SshdConfigParser.Parsed p = SshdConfigParser.parse("/etc/ssh/x.conf", "PermitRootLogin yes", "User bob");
        assertEquals("User bob", p.directives().get(0).match());
    }

    @Test
    void anEqualsSignMayStandBetweenKeywordAndValueWithOrWithoutBlanks() {
        SshdConfigParser.Parsed p = SshdConfigParser.parse("/etc/ssh/sshd_config",
                "PermitRootLogin = yes\nPasswordAuthentication=no\nPort =22\nBanner /etc/a=b\n", "");
        List<String> seen = p.directives().stream().map(d -> d.keyword() + " " + d.args()).toList();
        assertEquals(List.of("permitrootlogin [yes]", "passwordauthentication [no]", "port [22]",
                "banner [/etc/a=b]"), seen);
    }
}
