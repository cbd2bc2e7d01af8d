package dev.ward.rules;

import static dev.ward.rules.RuleTesting.attrs;
import static dev.ward.rules.RuleTesting.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.baseline.Attribute;
import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleMacroTest {
    @TempDir
    Path dir;

    private static Optional<Set<Attribute>> etc(RuleSet r) {
        return r.select(HostPath.of("/etc/passwd"), FileType.REGULAR);
    }

    @Test
    void defineSubstituteUndef() throws Exception {
        RuleSet r = rules("@@define HASH sha256\n/etc p+@@{HASH}\n@@undef HASH\n/srv p+@@{HASH}u\n");
        assertEquals(Optional.of(attrs("p+sha256")), etc(r));
        // an undefined variable is empty, as in AIDE
        assertEquals(Optional.of(attrs("p+u")), r.select(HostPath.of("/srv/x"), FileType.REGULAR));
    }

    /** As in AIDE, which replaces variables before it reads the line: what is left may be nothing, or a comment. */
    @Test
    void aLineThatExpandsToNothingOrACommentIsSkipped() throws Exception {
        RuleSet r = rules("@@{UNDEFINED}\n@@define C # not a rule\n@@{C}\n/etc p\n");
        assertEquals(1, r.normalised().size());
        assertEquals(Optional.of(attrs("p")), etc(r));
    }

    @Test
    void predefinedVariablesAndEscapedAt() throws Exception {
        RuleSet r = rules("/srv/@@{HOSTNAME}/ p\n/mail/\\@@\\{HOSTNAME\\}$ u\n");
        assertTrue(r.select(HostPath.of("/srv/web1/x"), FileType.REGULAR).isPresent());
        assertTrue(r.select(HostPath.of("/mail/@@{HOSTNAME}"), FileType.REGULAR).isPresent());
    }

    @Test
    void conditionals() throws Exception {
        String text = """
                @@define A 1
                @@ifdef A
                /etc p
                @@else
                /etc u
                @@endif
                @@ifndef A
                /srv p
                @@endif
                @@ifhost web1
                /opt p
                @@endif
                @@ifnhost web1
                /var p
                @@endif
                @@if not defined B
                /usr p
                @@ifdef B
                /boot p
                @@endif
                @@endif
                @@if hostname db1
                /root p
                @@ifdef nonsense but ignored here
                @@endif
                @@endif
                """;
        assertEquals("/etc /opt /usr", String.join(" ",
                rules(text).starts().stream().map(HostPath::display).toList()));
    }

    @Test
    void includeIsRelativeToTheIncludingFile() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/groups.conf"), "# groups\nG = p+u\n");
        Files.writeString(dir.resolve("main.conf"), "@@include sub/groups.conf\n/etc G\n");
        assertEquals(Optional.of(attrs("p+u")), etc(RuleSet.load(dir.resolve("main.conf"), "h")));
    }

    @Test
    void errorsInAnIncludedFileNameThatFile() throws Exception {
        Path inc = dir.resolve("inc.conf");
        Files.writeString(inc, "\n/etc tiger\n");
        Files.writeString(dir.resolve("main.conf"), "@@include inc.conf\n");
        RuleFormatException e = assertThrows(RuleFormatException.class,
                () -> RuleSet.load(dir.resolve("main.conf"), "h"));
        assertEquals(inc + ":2: attribute 'tiger' is not supported by ward", e.getMessage());
    }

    @Test
    void includeDirectoryTakesMatchingFilesInLexicalOrder() throws Exception {
        Path d = Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(d.resolve("20-b.conf"), "G = u\n");
        Files.writeString(d.resolve("10-a.conf"), "G = p\n");
        Files.writeString(d.resolve("README"), "not rules\n");
        Files.createDirectories(d.resolve("skip.conf"));
        Files.writeString(dir.resolve("main.conf"), "@@include conf.d \\\\.conf$\n/etc G\n");
        assertEquals(Optional.of(attrs("u")), etc(RuleSet.load(dir.resolve("main.conf"), "h")));
    }

    @Test
    void aMissingIncludeNamesItsLine() throws Exception {
        Files.writeString(dir.resolve("main.conf"), "/etc R\n@@include nowhere.conf\n");
        RuleFormatException missing = assertThrows(RuleFormatException.class,
                () -> RuleSet.load(dir.resolve("main.conf"), "h"));
        assertEquals(dir.resolve("main.conf") + ":2: cannot read '" + dir.resolve("nowhere.conf") + "': no such file",
                missing.getMessage());
        RuleFormatException absent = assertThrows(RuleFormatException.class,
                () -> RuleSet.load(dir.resolve("absent.conf"), "h"));
        assertEquals(dir.resolve("absent.conf") + ": cannot read '" + dir.resolve("absent.conf") + "': no such file",
                absent.getMessage());
    }

    /** AIDE 0.18 refuses an @@include at depth 16: the top file and 15 levels of includes below it. */
    @Test
    void includesNestAtMostFifteenDeep() throws Exception {
        for (int i = 0; i < 16; i++) {
            Files.writeString(dir.resolve("d" + i + ".conf"), "@@include d" + (i + 1) + ".conf\n");
        }
        Files.writeString(dir.resolve("d16.conf"), "/etc p+u\n");
        assertEquals(Optional.of(attrs("p+u")), etc(RuleSet.load(dir.resolve("d1.conf"), "h")));
        RuleFormatException deep = assertThrows(RuleFormatException.class,
                () -> RuleSet.load(dir.resolve("d0.conf"), "h"));
        assertEquals(dir.resolve("d15.conf") + ":1: includes nested deeper than 15", deep.getMessage());
    }
}
