package dev.ward.collect.logs;

import dev.ward.host.DirEntry;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.OpenedFile;
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
 * ({@link GzipInput}), without touching atimes. A log that is a symlink is read where it leads
 * inside the root; one file reached by two names is read once. What cannot be read, or not whole,
 * is a {@link CollectionError} of {@code source} naming the file: a dangling link, a loop, a FIFO,
 * socket, device or directory, lines cut short, gzip data that is damaged or expands too far.
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
    private final Map<HostPath, Set<String>> listed = new HashMap<>();
    private final Set<FileId> read = new HashSet<>();

    /** A file, whatever its names. */
    private record FileId(long device, long inode) {
    }

    /** Reads through {@code root}, adding what it could not read to {@code errors}. */
    public LogFiles(HostRoot root, String source, List<CollectionError> errors) {
        this.root = root;
        this.source = source;
        this.errors = errors;
    }

    /**
     * Every rotation ({@code .30.gz} ... {@code .1}) and the current file of each log that is there,
     * oldest first, of whatever type (what is not a regular file is refused when read), from one
     * listing of each directory rather than a look for each name that might be there.
     */
    public List<HostPath> rotations(List<HostPath> logs) {
        List<HostPath> out = new ArrayList<>();
        for (HostPath log : logs) {
            Set<String> names = names(log.parent());
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

    /**
     * The names in {@code dir}, listed once; none when it is missing, and an error when it cannot be
     * listed.
     */
    Set<String> names(HostPath dir) {
        return listed.computeIfAbsent(dir, d -> {
            Set<String> names = new HashSet<>();
            try {
                for (DirEntry e : root.list(d)) {
                    names.add(e.name());
                }
            } catch (HostException e) {
                errors.add(new CollectionError(source, d.display(), e.reason()));
            }
            return names;
        });
    }

    /**
     * Streams a log's lines to the consumer {@code reader} makes from the file's status (of the file
     * a symlink leads to); a name ending in .gz is decompressed. A file already read under another
     * name is not read again.
     */
    public void read(HostPath file, Function<FileStat, LineConsumer> reader) {
        LineSplitter lines = new LineSplitter();
        boolean gz = file.display().endsWith(".gz");
        String failure = null;
        try (OpenedFile opened = root.openFollowing(file);
             InputStream in = gz ? new GzipInput(opened.contents(), opened.stat().size()) : opened.contents()) {
            if (read.add(new FileId(opened.stat().device(), opened.stat().inode()))) {
                lines.split(in, reader.apply(opened.stat()));
            }
        } catch (HostException e) {
            failure = e.isMissing() ? missing(file) : e.reason();
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

    /** Why a file that is not there could not be read: a link to nothing says where it leads. */
    private String missing(HostPath file) {
        try {
            return root.readlink(file).map(t -> "dangling symlink to " + HostPath.escape(t)).orElse("not found");
        } catch (HostException e) {
            return "not found";
        }
    }
}
