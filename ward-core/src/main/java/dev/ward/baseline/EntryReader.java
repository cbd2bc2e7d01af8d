package dev.ward.baseline;

import static dev.ward.baseline.Attribute.*;

import dev.ward.host.FileStat;
import dev.ward.host.FileType;
import dev.ward.host.HostDirectory;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.ReadStats;
import dev.ward.model.CollectionError;
import dev.ward.model.FileEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Describes one selected path as a {@link FileEntry}: lstat, the symlink target, the content
 * hashes. Runs on the scanner's worker threads, so it keeps no state but a shared byte counter.
 *
 * <p>Partial results are normal: a path gone before its lstat or its read is skipped with an error;
 * an unreadable file is recorded without its hashes, with an error; a file whose size or mtime moved
 * while it was hashed is recorded with an error saying so, since its hash is of no one version.
 */
final class EntryReader {
    static final String SOURCE = "scan";

    /** One path's entry (null when it was skipped), its errors, and the bytes hashed. */
    record Outcome(FileEntry entry, List<CollectionError> errors, long bytes) {
    }

    private final HostRoot root;
    private final Selection selection;
    private final AtomicLong bytesHashed;

    EntryReader(HostRoot root, Selection selection, AtomicLong bytesHashed) {
        this.root = root;
        this.selection = selection;
        this.bytesHashed = bytesHashed;
    }

    /**
     * @param listedType the type getdents reported; when lstat disagrees (the path was replaced
     *                   since), the rules are asked again for the type it has now
     * @param before     the recorded entry whose hashes may stand in for a read (see
     *                   {@link #unchanged}), or null to read every regular file
     * @param parent     the path's directory held open, to stat and read it by name; null to go by path
     */
    Outcome read(HostPath path, FileType listedType, Set<Attribute> attributes, FileEntry before, HostDirectory parent) {
        List<CollectionError> errors = new ArrayList<>();
        FileStat st;
        try {
            st = (parent == null ? root.lstat(path) : parent.lstat(path.nameBytes())).orElse(null);
        } catch (HostException e) {
            return new Outcome(null, List.of(error(path, e)), 0);
        }
        if (st == null) {
            return new Outcome(null, List.of(vanished(path)), 0);
        }
        Set<Attribute> attrs = st.type() == listedType ? attributes : selection.select(path, st.type()).orElse(null);
        if (attrs == null) {
            return new Outcome(null, List.of(), 0);
        }
        String link = attrs.contains(LINK) && st.isSymlink() ? linkTarget(path, errors) : null;
        Hashes hashes = new Hashes(attrs);
        Hashed hashed = !st.isRegular() || hashes.isEmpty() ? Hashed.NONE
                : unchanged(before, st, hashes) ? new Hashed(hashes.recorded(before.hashes()), 0)
                : hash(path, parent, hashes, errors);
        if (hashed == null) {
            return new Outcome(null, List.of(vanished(path)), 0);
        }
        Map<String, String> xattrs = extended(path, attrs, errors);
        return new Outcome(entry(path, st, attrs, link, hashed.digests(), xattrs), errors, hashed.bytes());
    }

    /**
     * Whether {@code before} describes this very file unchanged, so its hashes can be trusted: the
     * same size, mtime, ctime and inode, all recorded, and every digest wanted now recorded too.
     * The kernel sets ctime on every write or attribute change and no call sets it back; see
     * docs/baselines.md for what this trust assumes.
     */
    static boolean unchanged(FileEntry before, FileStat st, Hashes wanted) {
        return before != null && before.type() == FileType.REGULAR
                && before.inode() != 0 && before.inode() == st.inode()
                && before.size() == st.size()
                && before.mtime() != null && before.mtime().equals(st.mtime())
                && before.ctime() != null && before.ctime().equals(st.ctime())
                && wanted.recordedIn(before.hashes());
    }

    /** The digests of a read, and its length; NONE when nothing was read. */
    private record Hashed(Map<String, String> digests, long bytes) {
        static final Hashed NONE = new Hashed(Map.of(), 0);
    }

    /** Hashes a regular file; null when it vanished, NONE with an error when it cannot be read. */
    private Hashed hash(HostPath path, HostDirectory parent, Hashes hashes, List<CollectionError> errors) {
        HostRoot.ChunkConsumer update = chunk -> {
            hashes.update(chunk);
            bytesHashed.addAndGet(chunk.remaining());
        };
        try {
            ReadStats read = parent == null ? root.readChunks(path, update) : parent.readChunks(path.nameBytes(), update);
            if (read.changedWhileRead()) {
                errors.add(new CollectionError(SOURCE, path.display(), "changed while read (size "
                        + read.before().size() + " -> " + read.after().size() + ")"));
            }
            return new Hashed(hashes.finish(), read.bytesRead());
        } catch (HostException e) {
            if (e.isMissing()) {
                return null;
            }
            errors.add(error(path, e));
            return Hashed.NONE;
        }
    }

    private String linkTarget(HostPath path, List<CollectionError> errors) {
        try {
            return root.readlink(path).map(HostPath::escape).orElse(null);
        } catch (HostException e) {
            errors.add(error(path, e));
            return null;
        }
    }

    /** An entry with only the asked-for attributes: the others are 0, null or empty. */
    /**
     * The extended attributes asked for: all of them for {@code xattrs}, else only the ACL, SELinux
     * label or capability set named by {@code acl}, {@code selinux} and {@code caps}.
     */
    private Map<String, String> extended(HostPath path, Set<Attribute> a, List<CollectionError> errors) {
        if (!(a.contains(XATTRS) || a.contains(ACL) || a.contains(SELINUX) || a.contains(CAPS))) {
            return Map.of();
        }
        Map<String, String> all;
        try {
            all = root.xattrs(path);
        } catch (HostException e) {
            if (!e.isMissing()) {
                errors.add(error(path, e));
            }
            return Map.of();
        }
        if (a.contains(XATTRS)) {
            return all;
        }
        Map<String, String> some = new java.util.TreeMap<>();
        for (Attribute x : List.of(ACL, SELINUX, CAPS)) {
            String name = XATTR_NAMES.get(x);
            if (a.contains(x) && all.containsKey(name)) {
                some.put(name, all.get(name));
            }
        }
        return some;
    }

    private static final Map<Attribute, String> XATTR_NAMES = Map.of(
            ACL, "system.posix_acl_access", SELINUX, "security.selinux", CAPS, "security.capability");

    static FileEntry entry(HostPath path, FileStat st, Set<Attribute> a, String link, Map<String, String> hashes,
            Map<String, String> xattrs) {
        return new FileEntry(path, st.type(),
                a.contains(PERM) ? st.permissions() : 0,
                a.contains(UID) ? st.uid() : 0,
                a.contains(GID) ? st.gid() : 0,
                a.contains(SIZE) || a.contains(GROWING) ? st.size() : 0,
                a.contains(BLOCKS) ? st.blocks() : 0,
                a.contains(NLINK) ? st.nlink() : 0,
                a.contains(INODE) ? st.inode() : 0,
                a.contains(ATIME) ? st.atime() : null,
                a.contains(MTIME) ? st.mtime() : null,
                a.contains(CTIME) ? st.ctime() : null,
                link, hashes, xattrs);
    }

    static CollectionError vanished(HostPath path) {
        return new CollectionError(SOURCE, path.display(), "vanished during the scan");
    }

    /** The exception's reason, without the path: the error carries it apart. */
    static CollectionError error(HostPath path, HostException e) {
        return new CollectionError(SOURCE, path.display(), e.reason());
    }
}
