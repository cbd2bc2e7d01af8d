package dev.ward.baseline;

import dev.ward.host.HostPath;
import dev.ward.model.FileEntry;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * One pass over a path-ordered baseline cursor serving two readers: the scan's walking thread, which
 * asks for each path's recorded entry ({@link TreeScanner.Previous}) ahead of the merge, and the
 * merge itself, which iterates every entry. Entries the walk has passed wait in a queue until the
 * merge takes them, so the baseline is read once; the queue holds what lies between the two, the
 * scanner's window of paths in flight plus any recorded paths that are gone from the tree there.
 */
public final class Lookahead implements Iterator<FileEntry>, TreeScanner.Previous {
    private final Iterator<FileEntry> cursor;
    private final Deque<FileEntry> passed = new ArrayDeque<>();

    public Lookahead(Iterator<FileEntry> cursor) {
        this.cursor = cursor;
    }

    /** Reads ahead to {@code path}; the paths asked for must not go backwards. */
    @Override
    public synchronized FileEntry at(HostPath path) {
        FileEntry last = passed.peekLast();
        if (last != null && last.path().compareTo(path) >= 0) {
            return last.path().equals(path) ? last : null;
        }
        while (cursor.hasNext()) {
            FileEntry e = cursor.next();
            passed.addLast(e);
            int cmp = e.path().compareTo(path);
            if (cmp >= 0) {
                return cmp == 0 ? e : null;
            }
        }
        return null;
    }

    @Override
    public synchronized boolean hasNext() {
        return !passed.isEmpty() || cursor.hasNext();
    }

    @Override
    public synchronized FileEntry next() {
        if (!passed.isEmpty()) {
            return passed.removeFirst();
        }
        if (!cursor.hasNext()) {
            throw new NoSuchElementException();
        }
        return cursor.next();
    }
}
