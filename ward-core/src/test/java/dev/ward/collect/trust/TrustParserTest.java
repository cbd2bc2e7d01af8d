package dev.ward.collect.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Fixtures;
import dev.ward.model.CollectionError;
import dev.ward.model.TrustEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustParserTest {
    private static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void parsesEveryFormAndReportsBinaryLines() {
        CollectResult<TrustEntry> r = TrustParser.parse("/root/.rhosts", "root", T, Fixtures.text("trust/rhosts"));
        List<String> summary = r.records().stream()
                .map(e -> e.line() + " " + e.host() + "|" + e.user() + " w=" + e.wildcard() + " n=" + e.negated())
                .toList();
        assertEquals(List.of(
                "1 +|+ w=true n=false",
                "2 badhost| w=false n=true",
                "3 trusted.example.com|alice w=false n=false",
                "6 host2|+ w=true n=false",
                "7 +@admins| w=true n=false",
                "8 @evil|bob w=false n=true",
                "10 trunc| w=false n=false"), summary);
        assertEquals(List.of(new CollectionError("trust", "/root/.rhosts", "line 9: not a trust entry (binary data)")),
                r.errors());
        TrustEntry first = r.records().get(0);
        assertEquals("+ +", first.text());
        assertEquals("root", first.account());
        assertEquals(T, first.fileMtime());
    }

    @Test
    void negatedNetgroupIsNotAWildcard() {
        TrustEntry e = TrustParser.parse("/etc/hosts.equiv", "", T, "-@evil").records().get(0);
        assertEquals(false, e.hostWildcard());
        assertEquals(true, e.negated());
    }

    @Test
    void emptyAndCommentOnlyTextGivesNothing() {
        CollectResult<TrustEntry> r = TrustParser.parse("/etc/hosts.equiv", "", T, "\n# nothing\n  \n");
        assertEquals(List.of(), r.records());
        assertEquals(List.of(), r.errors());
    }
}
