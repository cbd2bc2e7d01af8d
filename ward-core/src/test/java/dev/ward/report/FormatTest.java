package dev.ward.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void parsesTheFourNames() {
        assertEquals(Format.TEXT, Format.parse("text"));
        assertEquals(Format.JSON, Format.parse(" JSON "));
        assertEquals(Format.NDJSON, Format.parse("ndjson"));
        assertEquals(Format.HTML, Format.parse("Html"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Format.parse("xml"));
        assertEquals("unknown format 'xml' (expected text, json, ndjson or html)", e.getMessage());
    }

    @Test
    void eachFormatHasItsReporter() {
        assertInstanceOf(TextReporter.class, Format.TEXT.reporter(true, 100));
        assertInstanceOf(JsonReporter.class, Format.JSON.reporter());
        assertInstanceOf(NdjsonReporter.class, Format.NDJSON.reporter());
        assertInstanceOf(HtmlReporter.class, Format.HTML.reporter());
        assertEquals("ndjson", Format.NDJSON.extension());
        assertEquals("txt", Format.TEXT.extension());
    }
}
