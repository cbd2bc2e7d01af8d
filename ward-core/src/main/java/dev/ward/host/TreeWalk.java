package dev.ward.host;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A depth-first walk of a tree on a {@link HostRoot}, describing every entry with lstat (symlinks
 * are reported, never followed, so a loop cannot trap it). It stays on the start's filesystem, so
 * /proc, /sys and other mounts under a live root are not entered, and skips the pruned paths.
 * Errors (a directory that vanished or is unreadable) go to {@code errors} and the walk goes on.
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

    private void walk(HostPath start, boolean followStart, Visitor visitor, Consumer<HostException> errors) {
        FileStat top;
        try {
            top = (followStart ? root.stat(start) : root.lstat(start)).orElse(null);
        } catch (HostException e) {
            errors.accept(e);
            return;
        }
        if (top == null || !top.isDirectory()) {
            return;
        }
        long device = top.device();
        Deque<HostPath> dirs = new ArrayDeque<>();
        dirs.push(start);
        while (!dirs.isEmpty()) {
            HostPath dir = dirs.pop();
            List<DirEntry> entries;
            try {
                entries = root.list(dir);
            } catch (HostException e) {
                errors.accept(e);
                continue;
            }
            for (int i = entries.size() - 1; i >= 0; i--) {
                HostPath path = entries.get(i).path();
                if (prune.contains(path)) {
                    continue;
                }
                FileStat st;
                try {
                    st = root.lstat(path).orElse(null);
                } catch (HostException e) {
                    errors.accept(e);
                    continue;
                }
                if (st == null) {
                    continue; // vanished between listing and stat
                }
                visitor.visit(path, st);
                if (st.isDirectory() && st.device() == device) {
                    dirs.push(path);
                }
            }
        }
    }
}
