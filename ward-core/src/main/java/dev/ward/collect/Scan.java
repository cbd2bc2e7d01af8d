package dev.ward.collect;

import dev.ward.collect.dpkg.PackageIndex;
import dev.ward.host.HostRoot;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * One inspection of one root: the root, the clock, and what was already collected, so that every
 * check that needs the accounts or the package index shares a single read of them.
 */
public final class Scan {
    private final HostRoot root;
    private final InstantSource clock;
    private final Map<Class<?>, CollectResult<?>> collected = new HashMap<>();
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
    public synchronized <R extends Record> CollectResult<R> records(Collector<R> collector) {
        return (CollectResult<R>) collected.computeIfAbsent(collector.getClass(), k -> collector.collect(this));
    }
}
