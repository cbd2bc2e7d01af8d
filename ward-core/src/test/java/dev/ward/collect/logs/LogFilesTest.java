package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogFilesTest {
    private static List<String> split(InputStream in) throws Exception {
        List<String> out = new ArrayList<>();
        LogFiles.split(in, (line, n) -> out.add(n + ":" + line));
        return out;
    }

    @Test
    void linesAsReadersCutThem() throws Exception {
        byte[] text = "one\r\n\ntwo\n\u00e9t\u00e9 caf\u00e9\nbad \u00ff".getBytes(StandardCharsets.UTF_8);
        text[text.length - 2] = (byte) 0xff; // an invalid UTF-8 byte, replaced
        assertEquals(List.of("1:one", "2:", "3:two", "4:\u00e9t\u00e9 caf\u00e9", "5:bad \ufffd\ufffd"),
                split(new ByteArrayInputStream(text)));
    }

    /** A line longer than the buffer, and reads that end mid-line (one byte at a time). */
    @Test
    void longLinesAndShortReads() throws Exception {
        String longLine = "x".repeat(600_000);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("a\n" + longLine + "\nb\n").getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("1:a", "2:" + longLine, "3:b"), split(new ByteArrayInputStream(b.toByteArray())));
        InputStream trickle = new ByteArrayInputStream("ab\ncd\n\nef".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] buf, int off, int len) {
                return super.read(buf, off, Math.min(len, 1));
            }
        };
        assertEquals(List.of("1:ab", "2:cd", "3:", "4:ef"), split(trickle));
    }
}
