package dev.ward.baseline;

import dev.ward.host.DirEntry;
import dev.ward.host.FileStat;
import dev.ward.host.FileType;
import dev.ward.host.HostDirectory;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Puts a walk in path-byte order, one directory at a time. Listing a directory by name is not
 * enough: {@code /x/a-b} sorts before {@code /x/a/z}, because '-' is below '/'. So each directory
 * becomes a list of items, a selected entry keyed by its path and a subtree to descend keyed by its
 * path and a slash, sorted by those keys; an item is expanded only when its turn comes. Only the
 * lists along the current path are held: memory grows with depth times directory width, never with
 * the size of the tree.
 */
final class ScanOrder {
    /**
     * A selected path to record ({@code attributes} set), or a directory whose contents come next;
     * {@code parent} is its directory held open, or null for a start.
     */
    record Item(HostPath path, FileType type, Set<Attribute> attributes, boolean subtree, byte[] key,
            HostDirectory parent) {
    }

    /** A directory's items in order, and the directory held open for them (null when it could not be listed). */
    record Listing(List<Item> items, HostDirectory dir) {
    }

    private static final Comparator<Item> ORDER = Comparator.<Item, byte[]>comparing(Item::key, Arrays::compareUnsigned)
            .thenComparing(Item::subtree);

    private final HostRoot root;
    private final Selection selection;
    private final Consumer<CollectionError> errors;

    ScanOrder(HostRoot root, Selection selection, Consumer<CollectionError> errors) {
        this.root = root;
        this.selection = selection;
        this.errors = errors;
    }

    /** The starts, those inside another start dropped; a start that is not there is skipped quietly. */
    List<Item> starts() {
        List<HostPath> starts = new ArrayList<>(selection.starts());
        starts.sort(Comparator.comparingInt((HostPath p) -> p.bytes().length).thenComparing(p -> p));
        List<HostPath> kept = new ArrayList<>();
        List<Item> items = new ArrayList<>();
        for (HostPath start : starts) {
            if (kept.stream().anyMatch(start::startsWith)) {
                continue;
            }
            kept.add(start);
            FileType type = typeOf(start);
            if (type != null) {
                add(items, start, type, null);
            }
        }
        items.sort(ORDER);
        return items;
    }

    /**
     * A subtree item's directory, its items in order, held open for reading them (the caller closes
     * it), opened from its parent's descriptor; a directory that cannot be listed gives none, and an
     * error.
     */
    Listing children(Item subtree) {
        HostPath path = subtree.path();
        HostDirectory dir = null;
        List<DirEntry> listed;
        try {
            dir = subtree.parent() == null ? root.openDirectory(path) : subtree.parent().openDirectory(path.nameBytes());
            listed = dir.list();
        } catch (HostException e) {
            if (dir != null) {
                dir.close();
            }
            if (!e.isMissing()) {
                errors.accept(EntryReader.error(path, e));
            }
            return new Listing(List.of(), null);
        }
        List<Item> items = new ArrayList<>(listed.size() + 8);
        for (DirEntry d : listed) {
            FileType type = d.type() == FileType.UNKNOWN ? typeOf(dir, d.path()) : d.type();
            if (type != null) {
                add(items, d.path(), type, dir);
            }
        }
        items.sort(ORDER);
        return new Listing(items, dir);
    }

    private void add(List<Item> items, HostPath path, FileType type, HostDirectory parent) {
        selection.select(path, type).ifPresent(a -> items.add(new Item(path, type, a, false, path.bytes(), parent)));
        if (type == FileType.DIRECTORY && selection.descend(path)) {
            items.add(new Item(path, type, null, true, subtreeKey(path), parent));
        }
    }

    /** The prefix every path below {@code dir} starts with: its bytes and a slash ("/" for the root). */
    private static byte[] subtreeKey(HostPath dir) {
        if (dir.isRoot()) {
            return dir.bytes();
        }
        byte[] p = dir.bytes();
        byte[] key = Arrays.copyOf(p, p.length + 1);
        key[p.length] = '/';
        return key;
    }

    /** lstat's type, for filesystems that leave d_type unknown; null when the path is gone. */
    private FileType typeOf(HostPath path) {
        return typeOf(null, path);
    }

    /** {@link #typeOf(HostPath)} of a name in {@code dir} (by path when null). */
    private FileType typeOf(HostDirectory dir, HostPath path) {
        try {
            return (dir == null ? root.lstat(path) : dir.lstat(path.nameBytes())).map(FileStat::type).orElse(null);
        } catch (HostException e) {
            errors.accept(EntryReader.error(path, e));
            return null;
        }
    }
}
