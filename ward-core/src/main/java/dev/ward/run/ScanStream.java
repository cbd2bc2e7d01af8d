package dev.ward.run;

import dev.ward.baseline.ScanSummary;
import dev.ward.baseline.TreeScanner;
import dev.ward.model.FileEntry;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * A scan as a path-ordered iterator, so it can be merged with a baseline cursor. The scanner runs
 * on its own thread and hands entries over through a bounded queue: memory stays bounded however
 * many files there are, and the scan waits when the merge falls behind.
 */
final class ScanStream implements Iterator<FileEntry>, AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(4096);
    private final CompletableFuture<ScanSummary> done = new CompletableFuture<>();
    private final Thread thread;
    private Object next;

    ScanStream(TreeScanner scanner) {
        thread = Thread.ofPlatform().name("ward-scan").daemon().start(() -> {
            try {
                done.complete(scanner.scan(this::put));
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            } finally {
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    // closed: nobody takes from the queue any more
                }
            }
        });
    }

    private void put(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("scan interrupted", e);
            }
        }
        return next != END;
    }

    @Override
    public FileEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        FileEntry e = (FileEntry) next;
        next = null;
        return e;
    }

    /** The scan's counts and errors, once every entry was taken. */
    ScanSummary summary() {
        while (hasNext()) {
            next();
        }
        return done.join();
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
