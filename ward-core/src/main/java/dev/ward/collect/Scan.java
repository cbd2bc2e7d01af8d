package dev.ward.collect;

import dev.ward.collect.dpkg.PackageIndex;
import dev.ward.host.HostRoot;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One inspection of one root: the root, the clock, and what was already collected, so that every
 * check that needs the accounts, the package index or sudoers shares a single read of them.
 * Shared values are computed outside any lock, so one may ask for another (keys need accounts);
 * a second caller waits for the first one's result.
 */
public final class Scan {
    private final HostRoot root;
    private final InstantSource clock;
    private final Map<Class<?>, CompletableFuture<Object>> shared = new ConcurrentHashMap<>();

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
    public PackageIndex packages() {
        return once(PackageIndex.class, PackageIndex::load);
    }

    /** The package index if a check has read it; empty otherwise (reading it takes a fraction of a second). */
    public Optional<PackageIndex> packagesIfRead() {
        CompletableFuture<Object> f = shared.get(PackageIndex.class);
        return f == null || !f.isDone() || f.isCompletedExceptionally() ? Optional.empty()
                : Optional.of((PackageIndex) f.join());
    }

    /**
     * A value computed once per scan and shared, for a file read by several checks (sudoers for the
     * rule and Defaults sources and the sudo detector; sshd_config for keys and trust).
     */
    @SuppressWarnings("unchecked")
    public <T> T once(Class<?> key, Function<HostRoot, T> compute) {
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> first = shared.putIfAbsent(key, mine);
        if (first != null) {
            return (T) first.join();
        }
        try {
            mine.complete(compute.apply(root));
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
        return (T) mine.join();
    }

    /** The records of a source, collected on first use and shared afterwards. */
    public <R extends Record> CollectResult<R> records(Collector<R> collector) {
        return once(collector.getClass(), r -> collector.collect(this));
    }
}
