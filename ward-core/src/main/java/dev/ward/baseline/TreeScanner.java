package dev.ward.baseline;

import dev.ward.baseline.EntryReader.Outcome;
import dev.ward.baseline.ScanOrder.Item;
import dev.ward.host.HostDirectory;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import dev.ward.model.FileEntry;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Scans what a {@link Selection} selects under a {@link HostRoot} into {@link FileEntry} records,
 * emitted in path-byte order: the order the baseline store and the differ merge-join on.
 *
 * <p>Every path is described with lstat: symlinks are recorded, never followed, so a link loop
 * cannot trap the scan, and lookups stay inside the root. Only regular files are read, without
 * touching their atime; a FIFO or device is never opened.
 *
 * <p>One thread walks the tree in order ({@link ScanOrder}) and hands each selected path to a pool
 * of threads, which stat and hash it by name in its directory, held open meanwhile. Results come back through a window of at most
 * {@value #WINDOW} pending paths, emitted from its head in walk order: output is the same on every
 * run, whatever the threads' timing, and memory is bounded by the window plus the directory lists
 * along the current path, not by the number of files. {@link Selection#select} may be called from
 * the pool threads (when a path changed type since it was listed), so a Selection must be
 * thread-safe; an immutable parsed rule set is.
 *
 * <p>Given the {@link Previous} entries (a check with {@code --trust-ctime}), a regular file whose
 * size, mtime, ctime and inode are all as recorded keeps its recorded hashes and is not read.
 */
public final class TreeScanner {
    /**
     * Paths pending at most. While one thread reads a large file, the others go on only as far as
     * the window lets them: at a thousand, a cold /usr left the threads waiting behind its largest
     * files, and took a tenth more time than at sixteen thousand (some megabytes of pending entries).
     */
    static final int WINDOW = 16_384;

    private final HostRoot root;
    private final Selection selection;
    private final int threads;
    private final ProgressListener progress;
    private final Previous previous;

    /**
     * The entries a path had before, asked for on the walking thread in path-byte order, each path
     * at most once: a baseline cursor can answer by reading ahead.
     */
    @FunctionalInterface
    public interface Previous {
        Previous NONE = path -> null;

        /** The recorded entry of {@code path}, or null when there is none. */
        FileEntry at(HostPath path);
    }

    /** A scanner hashing on every core, with no progress reports. */
    public TreeScanner(HostRoot root, Selection selection) {
        this(root, selection, Runtime.getRuntime().availableProcessors(), ProgressListener.NONE);
    }

    public TreeScanner(HostRoot root, Selection selection, int threads, ProgressListener progress) {
        this(root, selection, threads, progress, Previous.NONE);
    }

    private TreeScanner(HostRoot root, Selection selection, int threads, ProgressListener progress, Previous previous) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads: " + threads);
        }
        this.root = root;
        this.selection = selection;
        this.threads = threads;
        this.progress = progress;
        this.previous = previous;
    }

    /** This scanner, trusting ctime: files unchanged by size, mtime, ctime and inode are not re-hashed. */
    public TreeScanner trustingCtime(Previous recorded) {
        return new TreeScanner(root, selection, threads, progress, recorded);
    }

    /** Scans into memory: for tests and small trees. */
    public ScanResult scan() {
        List<FileEntry> entries = new ArrayList<>();
        ScanSummary summary = scan(entries::add);
        return new ScanResult(entries, summary);
    }

    /** Scans, handing each entry to {@code sink} in path-byte order, on the calling thread. */
    public ScanSummary scan(Consumer<FileEntry> sink) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ward-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            return new Run(pool, sink).run();
        } finally {
            pool.shutdownNow();
        }
    }

    /** A directory being walked: its items still to come, and the directory held open for them. */
    private record Frame(Iterator<Item> items, HostDirectory dir) {
        void close() {
            if (dir != null) {
                dir.close();
            }
        }
    }

    /** One scan's state: the pending window and the running totals. */
    private final class Run {
        private final ExecutorService pool;
        private final Consumer<FileEntry> sink;
        private final AtomicLong bytesHashed = new AtomicLong();
        private final EntryReader reader;
        private final Deque<CompletableFuture<Outcome>> pending = new ArrayDeque<>();
        private final List<CollectionError> errors = new ArrayList<>();
        private long files;
        private long bytes;

        Run(ExecutorService pool, Consumer<FileEntry> sink) {
            this.pool = pool;
            this.sink = sink;
            this.reader = new EntryReader(root, selection, bytesHashed);
        }

        ScanSummary run() {
            // Walk errors join the window like results, so they too come out in walk order.
            ScanOrder order = new ScanOrder(root, selection,
                    e -> enqueue(CompletableFuture.completedFuture(new Outcome(null, List.of(e), 0))));
            Deque<Frame> stack = new ArrayDeque<>();
            stack.push(new Frame(order.starts().iterator(), null));
            try {
                while (!stack.isEmpty()) {
                    Frame top = stack.peek();
                    if (!top.items().hasNext()) {
                        stack.pop().close();
                    } else {
                        Item item = top.items().next();
                        if (item.subtree()) {
                            ScanOrder.Listing listing = order.children(item);
                            stack.push(new Frame(listing.items().iterator(), listing.dir()));
                        } else {
                            FileEntry before = previous.at(item.path());
                            HostDirectory parent = item.parent() == null ? null : item.parent().retain();
                            enqueue(CompletableFuture.supplyAsync(() -> read(item, before, parent), pool));
                        }
                    }
                }
                while (!pending.isEmpty()) {
                    emitHead();
                }
            } finally {
                // After a failure, let the reads in flight finish too: each lets go of its directory.
                stack.forEach(Frame::close);
                pending.forEach(f -> f.handle((o, x) -> null).join());
            }
            return new ScanSummary(errors, files, bytes);
        }

        /** Reads one item on a pool thread, letting go of its directory after. */
        private Outcome read(Item item, FileEntry before, HostDirectory parent) {
            try {
                return reader.read(item.path(), item.type(), item.attributes(), before, parent);
            } finally {
                if (parent != null) {
                    parent.close();
                }
            }
        }

        private void enqueue(CompletableFuture<Outcome> outcome) {
            pending.addLast(outcome);
            while (pending.size() > WINDOW) {
                emitHead();
            }
        }

        private void emitHead() {
            Outcome o = pending.removeFirst().join();
            errors.addAll(o.errors());
            bytes += o.bytes();
            if (o.entry() != null) {
                files++;
                sink.accept(o.entry());
                progress.progress(files, bytesHashed.get());
            }
        }
    }
}
