package dev.ward.collect.logs;

import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

    /** Every rotation ({@code .30.gz} ... {@code .1}) and the current file of each log that is there, oldest first. */
    public static List<HostPath> rotations(HostRoot root, List<HostPath> logs) {
        List<HostPath> out = new ArrayList<>();
        for (HostPath log : logs) {
            for (int n = ROTATIONS; n >= 0; n--) {
                for (String suffix : n == 0 ? List.of("") : List.of("." + n + ".gz", "." + n)) {
                    HostPath p = HostPath.parse(log.display() + suffix);
                    if (root.lstatOrEmpty(p).filter(FileStat::isRegular).isPresent()) {
                        out.add(p);
                    }
                }
            }
        }
        return out;
    }

    /** Streams a log's lines (invalid UTF-8 replaced); a name ending in .gz is decompressed. */
    public static void lines(HostRoot root, HostPath file, LineConsumer out) throws IOException {
        String name = file.display();
        try (InputStream raw = root.openStream(file);
             InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw, 64 * 1024) : raw;
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024)) {
            long n = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.accept(line, ++n);
            }
        } catch (ZipException e) {
            throw new IOException(name + ": not gzip data: " + e.getMessage(), e);
        }
    }
}
