package dev.ward.collect.pam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.Fixtures;
import dev.ward.collect.pam.PamParser.Rule;
import java.util.List;
import org.junit.jupiter.api.Test;

class PamParserTest {
    @Test
    void debianCommonAuth() {
        PamParser.Result r = PamParser.parse(Fixtures.text("pam/common-auth"));
        assertEquals(List.of(
                new Rule(2, "auth\t[success=1 default=ignore]\tpam_unix.so nullok", "auth", "[success=1 default=ignore]",
                        "pam_unix.so", List.of("nullok"), false),
                new Rule(4, "auth\trequisite\t\t\tpam_deny.so", "auth", "requisite", "pam_deny.so", List.of(), false),
                new Rule(5, "auth\trequired\t\t\tpam_permit.so", "auth", "required", "pam_permit.so", List.of(), true),
                new Rule(6, "-auth\toptional\tpam_cap.so", "auth", "optional", "pam_cap.so", List.of(), true),
                new Rule(8, "account sufficient pam_permit.so", "account", "sufficient", "pam_permit.so", List.of(), false),
                new Rule(9, "session required pam_env.so readenv=1 user_readenv=0", "session", "required", "pam_env.so",
                        List.of("readenv=1", "user_readenv=0"), false)), r.rules());
        assertEquals(List.of(), r.problems());
    }

    @Test
    void brokenRulesAreProblems() {
        PamParser.Result r = PamParser.parse(Fixtures.text("pam/broken"));
        assertEquals(List.of(new Rule(6, "auth required /lib/security/pam_x.so a b", "auth", "required",
                "/lib/security/pam_x.so", List.of("a", "b"), false)), r.rules());
        assertEquals(List.of("line 1: not a PAM rule", "line 2: not a PAM rule", "line 3: not a PAM rule",
                "line 4: not a PAM rule", "line 5: not a PAM rule"), r.problems());
    }
}
