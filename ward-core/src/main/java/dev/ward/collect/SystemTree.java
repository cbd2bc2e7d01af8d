package dev.ward.collect;

import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where a walk of a whole system starts. A {@link dev.ward.host.TreeWalk} stays on one
 * filesystem, so the places intruders use that are often separate mounts ({@code /tmp} and
 * {@code /dev/shm} as tmpfs, {@code /var/tmp}, {@code /home}, {@code /var}, {@code /opt},
 * {@code /srv}) are walked on their own when they are; a mount nested deeper is not seen. On the
 * live host the kernel's and runtime trees are pruned.
 */
public final class SystemTree {
    public static final List<HostPath> MOUNTS = Stream.of("/var", "/home", "/opt", "/srv", "/tmp", "/var/tmp", "/dev/shm")
            .map(HostPath::of).toList();
    public static final Set<HostPath> LIVE_PRUNE = Set.of(HostPath.of("/proc"), HostPath.of("/sys"),
            HostPath.of("/dev"), HostPath.of("/run"));

    private SystemTree() {
    }

    /**
     * The root, then each of {@link #MOUNTS} on a filesystem not walked yet (parents first, so a
     * /var/tmp on the same filesystem as /var is walked as part of /var).
     */
    public static List<HostPath> starts(HostRoot root, String source, List<CollectionError> errors) {
        List<HostPath> starts = new ArrayList<>();
        Set<Long> devices = new HashSet<>();
        for (HostPath p : Stream.concat(Stream.of(HostPath.ROOT), MOUNTS.stream()).toList()) {
            try {
                root.lstat(p).filter(FileStat::isDirectory).filter(st -> devices.add(st.device()))
                        .ifPresent(st -> starts.add(p));
            } catch (HostException e) {
                errors.add(new CollectionError(source, p.display(), e.getMessage()));
            }
        }
        return starts;
    }

    public static Set<HostPath> prune(HostRoot root) {
        return root.isLive() ? LIVE_PRUNE : Set.of();
    }
}
