package dev.ward.collect.setid;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.host.TreeWalk;
import dev.ward.model.CollectionError;
import dev.ward.model.SetIdFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every regular file with the setuid or setgid bit on the root's filesystem. On the live host the
 * kernel's and runtime trees ({@code /proc /sys /dev /run}) are pruned; the walk also stays on the
 * root's filesystem, so a separately mounted /home or /var is not seen: a known limit, said here
 * rather than hidden. Directories with setgid (shared group directories) are not set-id programs.
 */
public final class SetIdCollector implements Collector<SetIdFile> {
    static final Set<HostPath> LIVE_PRUNE = Set.of(HostPath.of("/proc"), HostPath.of("/sys"),
            HostPath.of("/dev"), HostPath.of("/run"));

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
        walk.walk(HostPath.ROOT, (HostPath p, FileStat st) -> {
            if (st.isRegular() && (st.isSetuid() || st.isSetgid())) {
                out.add(new SetIdFile(p.display(), st.permissions(), st.uid(), st.gid(), st.size(), st.mtime(),
                        scan.packages().owner(p).orElse(null)));
            }
        }, e -> errors.add(new CollectionError(source(), "", e.getMessage())));
        out.sort(java.util.Comparator.comparing(SetIdFile::path)); // walk order is a stack's; reports want a stable one
        return new CollectResult<>(out, errors);
    }
}
