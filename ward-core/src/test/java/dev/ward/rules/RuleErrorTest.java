package dev.ward.rules;

import static dev.ward.rules.RuleTesting.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleErrorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/etc tiger|t.conf:1: attribute 'tiger' is not supported by ward",
        "G = p+e2fsattrs|t.conf:1: attribute 'e2fsattrs' is not supported by ward",
        "/etc R+rmd160|t.conf:1: attribute 'rmd160' is not supported by ward",
        "/etc p+sha3_256|t.conf:1: attribute 'sha3_256' is not supported by ward",
        "/etc p+ANF|t.conf:1: attribute 'ANF' is not supported by ward",
        "/etc NOPE|t.conf:1: unknown attribute or group 'NOPE'",
        "foo_bar=1|t.conf:1: unknown option 'foo_bar'",
        "/etc p+|t.conf:1: missing name in attribute expression 'p+'",
        "/etc p++u|t.conf:1: missing name in attribute expression 'p++u'",
        "G =|t.conf:1: missing name in attribute expression ''",
        "/etc|t.conf:1: rule '/etc' has no attribute expression",
        "/etc f p R|t.conf:1: too many fields in rule '/etc'",
        "!/proc d R|t.conf:1: a negative rule takes no attributes",
        "!/proc R|t.conf:1: unknown file type 'R' in restriction",
        "/etc x R|t.conf:1: unknown file type 'x' in restriction",
        "/etc f,,d R|t.conf:1: unknown file type '' in restriction",
        "/dev =tmpfs R|t.conf:1: file system type restrictions are not supported by ward",
        "/etc D R|t.conf:1: file type 'D' (Solaris) is not supported by ward",
        "-/dev|t.conf:1: non-recursive negative rules ('-/...') are AIDE 0.19 and not supported by ward",
        "!etc|t.conf:1: a rule's regular expression must start with '/'",
        "/etc[ R|t.conf:1: invalid regular expression '/etc[': Unclosed character class",
        "etc R|t.conf:1: not a rule, a group definition or an option: 'etc R'",
        "@@endif|t.conf:1: @@endif without @@if",
        "@@else|t.conf:1: @@else without @@if",
        "@@ifdef A\\n@@else\\n@@else|t.conf:3: @@else without @@if",
        "# c\\n@@ifdef A\\n/etc R|t.conf:2: @@if without @@endif",
        "@@foo|t.conf:1: unknown macro '@@foo'",
        "@@x_include /bin/sh|t.conf:1: @@x_include is not supported by ward (it runs configuration programs)",
        "@@if exists /etc|t.conf:1: '@@if exists' is not supported by ward (the rules describe another host)",
        "@@if version_ge 0.18|t.conf:1: unknown @@if function 'version_ge'",
        "@@if defined|t.conf:1: @@if expects 'defined VAR' or 'hostname NAME'",
        "@@include d r p|t.conf:1: @@include with a rule prefix is not supported by ward",
        "@@include|t.conf:1: @@include expects FILE or DIRECTORY REGEX",
        "/etc/@@{X R|t.conf:1: unterminated '@@{'",
        "@@define|t.conf:1: @@define needs a variable name",
        "@@ifdef|t.conf:1: @@ifdef takes exactly one argument",
        "@@undef A B|t.conf:1: @@undef takes exactly one argument",
        "\\n\\n/etc R\\n/etc bogus|t.conf:4: unknown attribute or group 'bogus'",
        "/etc L\\nNORMAL = p\\nX = NORMAL+tiger|t.conf:3: attribute 'tiger' is not supported by ward",
        // truncated files
        "NORMAL = p+i+|t.conf:1: missing name in attribute expression 'p+i+'",
        "@@ifdef X\\n/etc R|t.conf:1: @@if without @@endif",
    })
    void errorsNameFileAndLine(String text, String message) {
        RuleFormatException e = assertThrows(RuleFormatException.class, () -> rules(text.replace("\\n", "\n")));
        assertEquals(message, e.getMessage());
    }

    @Test
    void binaryInputIsRefused() {
        RuleFormatException nul = assertThrows(RuleFormatException.class,
                () -> RuleSet.parse("b.conf", new byte[] {'/', 'e', 0, 1, 2}, "h"));
        assertEquals("b.conf:1: binary data (NUL byte) in a rule file", nul.getMessage());
        RuleFormatException utf = assertThrows(RuleFormatException.class,
                () -> RuleSet.parse("b.conf", new byte[] {'#', '\n', '/', (byte) 0xff, (byte) 0xfe}, "h"));
        assertEquals("b.conf:2: not UTF-8 text", utf.getMessage());
    }

    /** Garbage either parses or fails with a file:line message; it never escapes as another exception. */
    @Test
    void garbageNeverEscapesAsAnotherException() {
        Random random = new Random(42);
        String alphabet = "/!=@{}#+-,.*?()[]|$\\ \tRLHXEpugsmcdf0aA%\n";
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                rules(sb.toString());
            } catch (RuleFormatException e) {
                assertTrue(e.getMessage().matches("t\\.conf:\\d+: .+"), e.getMessage());
            }
        }
    }
}
