package dev.ward.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ward.model.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "quote \" backslash \\ slash /", "nl\n cr\r tab\t bs\b ff\f",
            "nul\u0000 esc\u001b del\u007f", "ls\u2028 ps\u2029", "emoji \uD83D\uDE00 é ü 中",
            "</script><!--", "\\xff\\n"})
    void stringsRoundTrip(String s) throws Exception {
        String quoted = Json.quote(s);
        assertEquals(s, MAPPER.readValue(quoted, String.class));
        assertFalse(quoted.chars().anyMatch(c -> c < 0x20 || c == 0x2028 || c == 0x2029), quoted);
    }

    @Test
    void escapesControlsAndLineSeparatorsAsUnicode() {
        assertEquals("\"\\u0000\\u001b\\u007f\\u2028\\u2029\"", Json.quote("\u0000\u001b\u007f\u2028\u2029"));
        assertEquals("\"\\n\\t\\\"\\\\\"", Json.quote("\n\t\"\\"));
    }

    @Test
    void loneSurrogatesAreEscapedNotMangled() {
        assertEquals("\"a\\ud800b\\udc00\"", Json.quote("a\ud800b\udc00"));
        assertEquals("\"\uD83D\uDE00\"", Json.quote("\uD83D\uDE00"));
    }

    @Test
    void htmlSafeHidesMarkupCharacters() {
        String json = Json.htmlSafe(Map.of("k", "</script><b>&"));
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
        assertEquals("\"\\u003c/script\\u003e\"", Json.htmlSafe("</script>"));
    }

    @Test
    void numbersBooleansNullsAndSpecials() throws Exception {
        List<Object> values = new ArrayList<>(Arrays.asList(1, -2L, 3.5, 1e300, new BigDecimal("0.1"), true, null,
                Double.NaN, Double.POSITIVE_INFINITY, Instant.parse("2025-01-02T03:04:05Z"), Severity.HIGH));
        JsonNode node = MAPPER.readTree(Json.compact(values));
        assertEquals(1, node.get(0).intValue());
        assertEquals(-2L, node.get(1).longValue());
        assertEquals(3.5, node.get(2).doubleValue());
        assertEquals(1e300, node.get(3).doubleValue());
        assertEquals("0.1", node.get(4).decimalValue().toString());
        assertEquals(true, node.get(5).booleanValue());
        assertEquals(true, node.get(6).isNull());
        assertEquals(true, node.get(7).isNull() && node.get(8).isNull(), "NaN and infinity become null");
        assertEquals("2025-01-02T03:04:05Z", node.get(9).textValue());
        assertEquals("high", node.get(10).textValue());
    }

    @Test
    void prettyIndentsTwoSpacesAndKeepsEmptyContainersShort() {
        Map<String, Object> value = SampleReports.ordered("a", List.of(1, 2), "b", Map.of(), "c", List.of(),
                "d", SampleReports.ordered("e", "f"));
        String expected = """
                {
                  "a": [
                    1,
                    2
                  ],
                  "b": {},
                  "c": [],
                  "d": {
                    "e": "f"
                  }
                }""";
        assertEquals(expected, Json.pretty(value));
        assertEquals("{\"a\":[1,2],\"b\":{},\"c\":[],\"d\":{\"e\":\"f\"}}", Json.compact(value));
    }

    @Test
    void unknownTypesBecomeStrings() {
        assertEquals("[\"/etc\",[1,2]]", Json.compact(new Object[] {java.nio.file.Path.of("/etc"), new Integer[] {1, 2}}));
    }
}
