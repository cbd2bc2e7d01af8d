package dev.ward.collect.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final LineSplitter splitter = new LineSplitter();

    private List<String> split(InputStream in) throws Exception {
        List<String> out = new ArrayList<>();
        splitter.split(in, (line, n) -> out.add(n + ":" + line));
        return out;
    }

    @Test
    void linesAsReadersCutThem() throws Exception {
        byte[] text = "one\r\n\ntwo\n\u00e9t\u00e9 caf\u00e9\nbad \u00ff".getBytes(StandardCharsets.UTF_8);
        text[text.length - 2] = (byte) 0xff; // an invalid UTF-8 byte, replaced
        assertEquals(List.of("1:one", "2:", "3:two", "4:\u00e9t\u00e9 caf\u00e9", "5:bad \ufffd\ufffd"),
                split(new ByteArrayInputStream(text)));
    }

    /** Reads that end mid-line (one byte at a time). */
    @Test
    void shortReads() throws Exception {
        InputStream trickle = new ByteArrayInputStream("ab\ncd\n\nef".getBytes(StandardCharsets.US_ASCII)) {
            @Override
            public synchronized int read(byte[] buf, int off, int len) {
                return super.read(buf, off, Math.min(len, 1));
            }
        };
        assertEquals(List.of("1:ab", "2:cd", "3:", "4:ef"), split(trickle));
        assertEquals(0, splitter.cut());
    }

    /**
     * Lines longer than the limit, ended within the buffer or far beyond it, and last in the
     * stream: each cut to the limit, counted, the first's offset kept; a line of the limit exactly
     * (with a carriage return after it) is whole.
     */
    @Test
    void longLinesAreCut() throws Exception {
        int max = LineSplitter.MAX_LINE;
        String atMax = "m".repeat(max);
        String text = "a\n" + atMax + "\r\n" + "x".repeat(max + 1) + "\n" + "y".repeat(600_000) + "\nb\n" + "z".repeat(max + 7);
        assertEquals(List.of("1:a", "2:" + atMax, "3:" + "x".repeat(max), "4:" + "y".repeat(max), "5:b", "6:" + "z".repeat(max)),
                split(new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII))));
        assertEquals(3, splitter.cut());
        assertEquals(2 + max + 2, splitter.firstCut());
    }

    /** {@code length} bytes of {@code fill}, then {@code tail}, made as they are read. */
    static InputStream generated(long length, byte fill, byte[] tail) {
        return new InputStream() {
            private long at;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= length + tail.length) {
                    return -1;
                }
                int n = (int) Math.min(len, at < length ? length - at : length + tail.length - at);
                if (at < length) {
                    Arrays.fill(b, off, off + n, fill);
                } else {
                    System.arraycopy(tail, (int) (at - length), b, off, n);
                }
                at += n;
                return n;
            }
        };
    }

    /** A line of over a gigabyte is cut at the limit, the rest of it passed over without being held. */
    @Test
    void aLineOverAGigabyte() throws Exception {
        byte[] tail = "\nnext\n".getBytes(StandardCharsets.US_ASCII);
        List<String> lines = split(generated((1L << 30) + 1, (byte) 'x', tail));
        assertEquals(List.of("1:" + "x".repeat(LineSplitter.MAX_LINE), "2:next"), lines);
        assertEquals(1, splitter.cut());
        assertEquals(0, splitter.firstCut());
    }
}
