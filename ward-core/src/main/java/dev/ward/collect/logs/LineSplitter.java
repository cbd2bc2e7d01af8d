package dev.ward.collect.logs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Cuts a stream into lines (invalid UTF-8 replaced): a line ends at a newline, a carriage return
 * before it dropped. A line longer than {@link #MAX_LINE} bytes is cut to that length and the rest
 * of it passed over as it streams by, never held; such lines are counted, and the offset of the
 * first kept. Lines are cut from the bytes read rather than through a Reader: the JDK makes a
 * String of ASCII bytes with one copy, where a Reader decodes to chars and compresses them back,
 * a third of the time of reading a log.
 */
final class LineSplitter {
    /**
     * The longest line kept whole, in bytes. Syslog lines are far shorter (rsyslog's default
     * maximum message is 8 KiB, journald's LineMax 48 KiB); a longer one is a forged line or junk.
     */
    static final int MAX_LINE = 64 * 1024;
    private static final int BUFFER = 4 * MAX_LINE;

    private long cut;
    private long firstCut = -1;

    /** Hands each line of {@code in} and its number (1-based) to {@code out}, to the end of the stream. */
    void split(InputStream in, LogFiles.LineConsumer out) throws IOException {
        byte[] buf = new byte[BUFFER];
        int start = 0; // where the current line starts in buf
        int end = 0; // the end of what was read into buf
        long base = 0; // the offset in the stream of buf[0]
        long n = 0;
        boolean passing = false; // over the rest of a line cut short
        for (int read; (read = in.read(buf, end, buf.length - end)) >= 0; ) {
            int scan = end;
            end += read;
            if (passing) {
                int nl = indexOf(buf, scan, end);
                if (nl < 0) {
                    base += end;
                    end = 0;
                    continue;
                }
                passing = false;
                start = nl + 1;
                scan = start;
            }
            for (int nl = indexOf(buf, scan, end); nl >= 0; nl = indexOf(buf, start, end)) {
                out.accept(line(buf, start, nl, base), ++n);
                start = nl + 1;
            }
            if (end - start > MAX_LINE) { // too long, and not ended yet: its first MAX_LINE bytes, then pass over it
                out.accept(line(buf, start, end, base), ++n);
                passing = true;
                base += end;
                start = 0;
                end = 0;
            } else if (start > 0) { // keep the partial line at the front
                System.arraycopy(buf, start, buf, 0, end - start);
                base += start;
                end -= start;
                start = 0;
            }
        }
        if (end > start) {
            out.accept(line(buf, start, end, base), ++n);
        }
    }

    /** Lines cut to {@link #MAX_LINE}. */
    long cut() {
        return cut;
    }

    /** The offset in the stream of the first line cut, or -1. */
    long firstCut() {
        return firstCut;
    }

    /** What was cut, said once for a stream: "offset 1234{@code where}: line longer than ...". */
    String cutMessage(String where) {
        return "offset " + firstCut + where + ": line longer than " + MAX_LINE + " bytes, cut to that (" + cut
                + (cut == 1 ? " such line)" : " such lines)");
    }

    private static int indexOf(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The line of buf[from, to), its carriage return dropped; cut to MAX_LINE bytes, and counted, when longer. */
    private String line(byte[] buf, int from, int to, long base) {
        int len = to > from && buf[to - 1] == '\r' ? to - from - 1 : to - from;
        if (len > MAX_LINE) {
            if (cut++ == 0) {
                firstCut = base + from;
            }
            len = MAX_LINE;
        }
        return new String(buf, from, len, StandardCharsets.UTF_8);
    }
}
