package dev.ward.collect;

import dev.ward.collect.dpkg.PackageIndex;
import dev.ward.host.HostRoot;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One inspection of one root: the root, the clock, and what was already collected, so that every
 * check that needs the accounts or the package index shares a single read of them.
 */
public final class Scan {
    private final HostRoot root;
    private final InstantSource clock;
    private final Map<Class<?>, CompletableFuture<CollectResult<?>>> collected = new ConcurrentHashMap<>();
    private PackageIndex packages;

    public Scan(HostRoot root, InstantSource clock) {
        this.root = root;
        this.clock = clock;
    }

    public HostRoot root() {
        return root;
    }

    public InstantSource clock() {
        return clock;
    }

    /** The dpkg file index of this root, read once; empty where dpkg is not the package manager. */
    public synchronized PackageIndex packages() {
        if (packages == null) {
            packages = PackageIndex.load(root);
        }
        return packages;
    }

    /** The records of a source, collected on first use and shared afterwards. */
    @SuppressWarnings("unchecked")
    public <R extends Record> CollectResult<R> records(Collector<R> collector) {
        CompletableFuture<CollectResult<?>> mine = new CompletableFuture<>();
        CompletableFuture<CollectResult<?>> first = collected.putIfAbsent(collector.getClass(), mine);
        if (first != null) {
            return (CollectResult<R>) first.join();
        }
        // Collected outside any lock: one collector may ask for another's records (keys need accounts).
        try {
            mine.complete(collector.collect(this));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
        return (CollectResult<R>) mine.join();
    }
}
