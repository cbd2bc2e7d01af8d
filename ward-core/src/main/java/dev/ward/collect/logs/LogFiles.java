package dev.ward.collect.logs;

import dev.ward.host.DirEntry;
import dev.ward.host.FileStat;
import dev.ward.host.FileType;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Text logs and their rotations read through the root: which files there are, oldest first, and
 * their lines one at a time ({@link LineSplitter}), gzip-compressed rotations included
 * ({@link GzipInput}), without touching atimes. What cannot be read, or not whole, is a
 * {@link CollectionError} of {@code source} naming the file: lines cut short, gzip data that is
 * damaged or expands too far.
 */
public final class LogFiles {
    private static final int ROTATIONS = 30;

    /** Receives one line and its number (1-based). */
    @FunctionalInterface
    public interface LineConsumer {
        void accept(String line, long number);
    }

    private final HostRoot root;
    private final String source;
    private final List<CollectionError> errors;

    /** Reads through {@code root}, adding what it could not read to {@code errors}. */
    public LogFiles(HostRoot root, String source, List<CollectionError> errors) {
        this.root = root;
        this.source = source;
        this.errors = errors;
    }

    /**
     * Every rotation ({@code .30.gz} ... {@code .1}) and the current file of each log that is there,
     * oldest first: regular files, from one listing of each directory rather than a look for each
     * name that might be there.
     */
    public List<HostPath> rotations(List<HostPath> logs) {
        Map<HostPath, Set<String>> listed = new HashMap<>();
        List<HostPath> out = new ArrayList<>();
        for (HostPath log : logs) {
            Set<String> names = listed.computeIfAbsent(log.parent(), this::regularFiles);
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
    private Set<String> regularFiles(HostPath dir) {
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
     * Streams a log's lines to the consumer {@code reader} makes from the file's status; a name
     * ending in .gz is decompressed.
     */
    public void read(HostPath file, Function<FileStat, LineConsumer> reader) {
        LineSplitter lines = new LineSplitter();
        boolean gz = file.display().endsWith(".gz");
        String failure = null;
        try {
            FileStat st = root.lstat(file).orElseThrow(() -> new IOException("not found"));
            try (InputStream raw = root.openStream(file);
                 InputStream in = gz ? new GzipInput(raw, st.size()) : raw) {
                lines.split(in, reader.apply(st));
            }
        } catch (HostException e) {
            failure = e.reason();
        } catch (IOException e) {
            failure = e.getMessage(); // GzipInput's, which starts with the offset
        }
        if (lines.cut() > 0) {
            errors.add(new CollectionError(source, file.display(), lines.cutMessage(gz ? " of the decompressed text" : "")));
        }
        if (failure != null) {
            errors.add(new CollectionError(source, file.display(), failure));
        }
    }
}
