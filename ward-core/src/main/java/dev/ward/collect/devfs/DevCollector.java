package dev.ward.collect.devfs;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.TreeWalk;
import dev.ward.model.CollectionError;
import dev.ward.model.DevEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Regular files and hidden directories under {@code /dev}. On a live host {@code /dev} is a
 * devtmpfs and {@code /dev/shm}, {@code /dev/pts}, {@code /dev/mqueue} are other mounts, which the
 * walk does not enter; {@code /dev/shm} is walked on its own because programs stage payloads there.
 * Each file's first four bytes are read for the ELF magic.
 */
public final class DevCollector implements Collector<DevEntry> {
    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};

    @Override
    public String source() {
        return "dev";
    }

    @Override
    public Class<DevEntry> type() {
        return DevEntry.class;
    }

    @Override
    public CollectResult<DevEntry> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, source(), errors);
        List<DevEntry> out = new ArrayList<>();
        HostPath shm = HostPath.of("/dev/shm");
        TreeWalk walk = new TreeWalk(scan.root(), Set.of(shm));
        TreeWalk.Visitor visitor = (p, st) -> visit(files, p, st, out);
        walk.walk(HostPath.of("/dev"), visitor, e -> errors.add(new CollectionError(source(), "", e.getMessage())));
        new TreeWalk(scan.root(), Set.of()).walk(shm, visitor,
                e -> errors.add(new CollectionError(source(), "", e.getMessage())));
        out.sort(java.util.Comparator.comparing(DevEntry::path)); // walk order is a stack's; reports want a stable one
        return new CollectResult<>(out, errors);
    }

    private static void visit(HostFiles files, HostPath p, FileStat st, List<DevEntry> out) {
        boolean hiddenDir = st.isDirectory() && p.name().startsWith(".");
        if (!st.isRegular() && !hiddenDir) {
            return;
        }
        boolean elf = st.isRegular() && st.size() >= 4 && isElf(files, p);
        out.add(new DevEntry(p.display(), st.isRegular() ? "file" : "directory", st.permissions(), st.uid(),
                st.size(), st.mtime(), elf, (st.permissions() & 0111) != 0));
    }

    private static boolean isElf(HostFiles files, HostPath p) {
        try {
            return Arrays.equals(files.scan().root().read(p, 4), ELF);
        } catch (HostException e) {
            files.errors().add(new CollectionError("dev", p.display(), e.getMessage()));
            return false;
        }
    }
}
