package dev.ward.collect.setid;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.host.TreeWalk;
import dev.ward.model.CollectionError;
import dev.ward.model.SetIdFile;
import dev.ward.host.HostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every regular file with the setuid or setgid bit on the root's filesystem. On the live host the
 * kernel's and runtime trees ({@code /proc /sys /dev /run}) are pruned. The walk stays on one
 * filesystem, so the places intruders use that are often separate mounts ({@code /tmp} and
 * {@code /dev/shm} as tmpfs, {@code /var/tmp}, {@code /home}, {@code /var}, {@code /opt},
 * {@code /srv}) are walked on their own when they are; a mount nested deeper is not seen. A set-id
 * file on a nosuid mount does not work, but it is still evidence. Directories with setgid (shared
 * group directories) are not set-id programs.
 */
public final class SetIdCollector implements Collector<SetIdFile> {
    static final List<HostPath> MOUNTS = Stream.of("/var", "/home", "/opt", "/srv", "/tmp", "/var/tmp", "/dev/shm")
            .map(HostPath::of).toList();
    static final Set<HostPath> LIVE_PRUNE = Set.of(HostPath.of("/proc"), HostPath.of("/sys"),
            HostPath.of("/dev"), HostPath.of("/run"));

    /** The root, then each of {@link #MOUNTS} on a filesystem not walked yet (parents first, so a
     * /var/tmp on the same filesystem as /var is walked as part of /var). */
    private static List<HostPath> starts(Scan scan, Set<Long> devices, List<CollectionError> errors) {
        List<HostPath> starts = new ArrayList<>();
        for (HostPath p : Stream.concat(Stream.of(HostPath.ROOT), MOUNTS.stream()).toList()) {
            try {
                scan.root().lstat(p).filter(FileStat::isDirectory).filter(st -> devices.add(st.device()))
                        .ifPresent(st -> starts.add(p));
            } catch (HostException e) {
                errors.add(new CollectionError("setid", p.display(), e.getMessage()));
            }
        }
        return starts;
    }

    @Override
    public String source() {
        return "setid";
    }

    @Override
    public Class<SetIdFile> type() {
        return SetIdFile.class;
    }

    @Override
    public CollectResult<SetIdFile> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        List<SetIdFile> out = new ArrayList<>();
        TreeWalk walk = new TreeWalk(scan.root(), scan.root().isLive() ? LIVE_PRUNE : Set.of());
        Set<Long> devices = new HashSet<>();
        for (HostPath start : starts(scan, devices, errors)) {
            walk.walk(start, (HostPath p, FileStat st) -> {
                if (st.isRegular() && (st.isSetuid() || st.isSetgid())) {
                    out.add(new SetIdFile(p.display(), st.permissions(), st.uid(), st.gid(), st.size(), st.mtime(),
                            scan.packages().owner(p).orElse(null)));
                }
            }, e -> errors.add(new CollectionError(source(), "", e.getMessage())));
        }
        out.sort(java.util.Comparator.comparing(SetIdFile::path)); // walk order is a stack's; reports want a stable one
        return new CollectResult<>(out, errors);
    }
}
