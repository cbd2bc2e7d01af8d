package dev.ward.host;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A depth-first walk of a tree on a {@link HostRoot}, describing every entry with lstat (symlinks
 * are reported, never followed, so a loop cannot trap it). It stays on the start's filesystem, so
 * /proc, /sys and other mounts under a live root are not entered, and skips the pruned paths.
 * Errors (a directory that vanished or is unreadable) go to {@code errors} and the walk goes on.
 *
 * <p>It goes down from directory descriptor to directory descriptor, never by path: a nest deeper
 * than PATH_MAX, which a lookup by path cannot reach, is no place to hide a file from it.
 */
public final class TreeWalk {
    /** Receives each entry under the start, the start itself excluded. */
    public interface Visitor {
        void visit(HostPath path, FileStat stat);
    }

    private final HostRoot root;
    private final Set<HostPath> prune;

    public TreeWalk(HostRoot root, Set<HostPath> prune) {
        this.root = root;
        this.prune = prune;
    }

    public void walk(HostPath start, Visitor visitor, Consumer<HostException> errors) {
        walk(start, false, visitor, errors);
    }

    /**
     * As {@link #walk}, but a start that is a symlink is followed (inside the root): for configured
     * locations such as a web root that an administrator moved and linked ({@code /var/www ->
     * /data/www}). Entries below are still reported under the start's name and never followed.
     */
    public void walkFollowingStart(HostPath start, Visitor visitor, Consumer<HostException> errors) {
        walk(start, true, visitor, errors);
    }

    /** A directory held open, and its entries still to visit. */
    private record Frame(HostDirectory dir, Iterator<DirEntry> entries) {
    }

    private void walk(HostPath start, boolean followStart, Visitor visitor, Consumer<HostException> errors) {
        FileStat top;
        HostDirectory first;
        try {
            top = (followStart ? root.stat(start) : root.lstat(start)).orElse(null);
            if (top == null || !top.isDirectory()) {
                return;
            }
            first = root.openDirectory(start);
        } catch (HostException e) {
            errors.accept(e);
            return;
        }
        Deque<Frame> stack = new ArrayDeque<>();
        try {
            push(stack, first, errors);
            while (!stack.isEmpty()) {
                Frame frame = stack.peek();
                if (!frame.entries().hasNext()) {
                    stack.pop().dir().close();
                    continue;
                }
                DirEntry entry = frame.entries().next();
                HostPath path = entry.path();
                if (prune.contains(path)) {
                    continue;
                }
                FileStat st;
                try {
                    st = frame.dir().lstat(path.nameBytes()).orElse(null);
                    if (st == null) {
                        continue; // vanished between listing and stat
                    }
                    visitor.visit(path, st);
                    if (st.isDirectory() && st.device() == top.device()) {
                        push(stack, frame.dir().openDirectory(path.nameBytes()), errors);
                    }
                } catch (HostException e) {
                    if (!e.isMissing()) { // else it vanished since it was listed
                        errors.accept(e);
                    }
                }
            }
        } finally {
            stack.forEach(f -> f.dir().close());
        }
    }

    /** A directory's listing on the stack; one that cannot be listed is an error and is closed. */
    private static void push(Deque<Frame> stack, HostDirectory dir, Consumer<HostException> errors) {
        List<DirEntry> entries;
        try {
            entries = dir.list();
        } catch (HostException e) {
            dir.close();
            errors.accept(e);
            return;
        }
        stack.push(new Frame(dir, entries.iterator()));
    }
}
