package dev.ward.collect.logs;

import dev.ward.host.DirEntry;
import dev.ward.host.FileStat;
import dev.ward.host.FileType;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Text logs and their rotations read through the root: which files there are, oldest first, and
 * their lines one at a time, gzip-compressed rotations included, without touching atimes.
 */
public final class LogFiles {
    private static final int ROTATIONS = 30;

    /** Receives one line and its number (1-based). */
    @FunctionalInterface
    public interface LineConsumer {
        void accept(String line, long number);
    }

    private LogFiles() {
    }

    /**
     * Every rotation ({@code .30.gz} ... {@code .1}) and the current file of each log that is there,
     * oldest first: regular files, from one listing of each directory rather than a look for each
     * name that might be there.
     */
    public static List<HostPath> rotations(HostRoot root, List<HostPath> logs) {
        Map<HostPath, Set<String>> listed = new HashMap<>();
        List<HostPath> out = new ArrayList<>();
        for (HostPath log : logs) {
            Set<String> names = listed.computeIfAbsent(log.parent(), dir -> regularFiles(root, dir));
            for (int n = ROTATIONS; n >= 0; n--) {
                for (String suffix : n == 0 ? List.of("") : List.of("." + n + ".gz", "." + n)) {
                    if (names.contains(log.name() + suffix)) {
                        out.add(log.parent().resolve(log.name() + suffix));
                    }
                }
            }
        }
        return out;
    }

    /** The names of the regular files in {@code dir}; none when it is missing or unreadable. */
    private static Set<String> regularFiles(HostRoot root, HostPath dir) {
        Set<String> names = new HashSet<>();
        try {
            for (DirEntry e : root.list(dir)) {
                if (e.type() == FileType.REGULAR || e.type() == FileType.UNKNOWN
                        && root.lstatOrEmpty(e.path()).filter(FileStat::isRegular).isPresent()) {
                    names.add(e.name());
                }
            }
        } catch (HostException e) {
            // nothing there to read
        }
        return names;
    }

    /**
     * Streams a log's lines (invalid UTF-8 replaced); a name ending in .gz is decompressed. A line
     * ends at a newline, a carriage return before it dropped. Lines are cut from the bytes read
     * rather than through a Reader: the JDK makes a String of ASCII bytes with one copy, where a
     * Reader decodes to chars and compresses them back, a third of the time of reading a log.
     */
    public static void lines(HostRoot root, HostPath file, LineConsumer out) throws IOException {
        String name = file.display();
        try (InputStream raw = root.openStream(file);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw) {
            split(in, out);
        } catch (ZipException e) {
            throw new IOException(name + ": not gzip data: " + e.getMessage(), e);
        }
    }

    /** The lines of {@code in}, as {@link #lines} cuts them. */
    static void split(InputStream in, LineConsumer out) throws IOException {
        byte[] buf = new byte[256 * 1024];
        int start = 0;
        int end = 0;
        long n = 0;
        for (int read; (read = in.read(buf, end, buf.length - end)) >= 0; ) {
            int scan = end;
            end += read;
            for (int nl = indexOf(buf, scan, end); nl >= 0; nl = indexOf(buf, start, end)) {
                out.accept(line(buf, start, nl), ++n);
                start = nl + 1;
            }
            if (start > 0) { // keep the partial line at the front
                System.arraycopy(buf, start, buf, 0, end - start);
                end -= start;
                start = 0;
            } else if (end == buf.length) { // a line longer than the buffer
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        if (end > start) {
            out.accept(line(buf, start, end), ++n);
        }
    }

    private static int indexOf(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String line(byte[] buf, int from, int to) {
        int len = to > from && buf[to - 1] == '\r' ? to - from - 1 : to - from;
        return new String(buf, from, len, StandardCharsets.UTF_8);
    }
}
