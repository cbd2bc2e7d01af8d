package dev.ward.collect;

import dev.ward.host.DirEntry;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The small file facts most collectors need, read through the scan's root, with failures turned
 * into {@link CollectionError}s instead of exceptions: a missing file is simply absent, an
 * unreadable one is an error and the collector goes on.
 */
public final class HostFiles {
    /**
     * Configuration, keys and scripts are small; a file longer than this is read only up to it, and
     * the cut is an error, since an intruder can pad a file to push a line past any limit.
     */
    public static final long TEXT_LIMIT = 16L * 1024 * 1024;

    private final Scan scan;
    private final String source;
    private final List<CollectionError> errors;

    public HostFiles(Scan scan, String source, List<CollectionError> errors) {
        this.scan = scan;
        this.source = source;
        this.errors = errors;
    }

    /** A text file's contents (invalid UTF-8 replaced) up to {@link #TEXT_LIMIT}; see {@link #text(HostPath, long)}. */
    public Optional<String> text(HostPath path) {
        return text(path, TEXT_LIMIT);
    }

    /**
     * A text file's contents (invalid UTF-8 replaced), at most {@code limit} bytes; empty when
     * missing or unreadable. A longer file gives its first {@code limit} bytes and an error, so
     * the run is marked incomplete rather than silently missing what follows.
     */
    public Optional<String> text(HostPath path, long limit) {
        return text(scan.root(), path, limit, source, errors);
    }

    /** {@link #text(HostPath, long)} for readers that hold only a root. */
    public static Optional<String> text(HostRoot root, HostPath path, long limit, String source,
                                        List<CollectionError> errors) {
        byte[] data;
        try {
            data = root.read(path, limit + 1);
        } catch (HostException e) {
            if (!e.isMissing()) {
                errors.add(new CollectionError(source, path.display(), e.getMessage()));
            }
            return Optional.empty();
        }
        int length = data.length;
        if (length > limit) {
            errors.add(new CollectionError(source, path.display(),
                    "truncated at " + limit + " bytes: lines after that were not read"));
            length = (int) limit;
        }
        return Optional.of(new String(data, 0, length, StandardCharsets.UTF_8));
    }

    /** stat following symlinks inside the root; empty when missing or unreadable. */
    public Optional<FileStat> stat(HostPath path) {
        try {
            return scan.root().stat(path);
        } catch (HostException e) {
            errors.add(new CollectionError(source, path.display(), e.getMessage()));
            return Optional.empty();
        }
    }

    public Instant mtime(HostPath path) {
        return stat(path).map(FileStat::mtime).orElse(null);
    }

    /** The package that installed the path, or null: records keep "no package" as an absent value. */
    public String owner(HostPath path) {
        return scan.packages().owner(path).orElse(null);
    }

    /**
     * The entries of a directory that are regular files or symlinks to them, sorted by name.
     * Subdirectories are left out; a missing directory gives an empty list.
     */
    public List<HostPath> files(HostPath dir) {
        List<HostPath> out = new ArrayList<>();
        for (DirEntry e : entries(dir)) {
            if (stat(e.path()).map(FileStat::isRegular).orElse(false)) {
                out.add(e.path());
            }
        }
        return out;
    }

    /** A directory's entries; empty (and an error) when it cannot be listed. */
    public List<DirEntry> entries(HostPath dir) {
        try {
            return scan.root().list(dir);
        } catch (HostException e) {
            errors.add(new CollectionError(source, dir.display(), e.getMessage()));
            return List.of();
        }
    }

    /**
     * Where a symlink at {@code link} with target text {@code target} points, inside the root: an
     * absolute target from the root, a relative one from the link's directory, with "." and ".."
     * folded lexically (".." at the top stays at the top, as RESOLVE_IN_ROOT does).
     */
    public static HostPath linkTarget(HostPath link, String target) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        if (!target.startsWith("/")) {
            for (String c : link.parent().display().split("/")) {
                if (!c.isEmpty()) {
                    parts.addLast(c);
                }
            }
        }
        for (String c : target.split("/")) {
            if (c.equals("..")) {
                parts.pollLast();
            } else if (!c.isEmpty() && !c.equals(".")) {
                parts.addLast(c);
            }
        }
        return HostPath.parse("/" + String.join("/", parts));
    }

    public Scan scan() {
        return scan;
    }

    public List<CollectionError> errors() {
        return errors;
    }
}
