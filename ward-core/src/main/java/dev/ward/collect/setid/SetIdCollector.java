package dev.ward.collect.setid;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.collect.SystemTree;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.host.TreeWalk;
import dev.ward.model.CollectionError;
import dev.ward.model.SetIdFile;
import java.util.ArrayList;
import java.util.List;

/**
 * Every regular file with the setuid or setgid bit on the system ({@link SystemTree}: the root's
 * filesystem and the usual separate mounts). A set-id file on a nosuid mount does not work, but it
 * is still evidence. Directories with setgid (shared
 * group directories) are not set-id programs.
 */
public final class SetIdCollector implements Collector<SetIdFile> {
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
        TreeWalk walk = new TreeWalk(scan.root(), SystemTree.prune(scan.root()));
        for (HostPath start : SystemTree.starts(scan.root(), source(), errors)) {
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
