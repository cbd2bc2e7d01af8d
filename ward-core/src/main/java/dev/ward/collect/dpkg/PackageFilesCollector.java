package dev.ward.collect.dpkg;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.collect.rpm.RpmVerifier;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.ReadStats;
import dev.ward.model.CollectionError;
import dev.ward.model.InstalledPackage;
import dev.ward.model.PackageFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Every file of every installed package checked against the MD5 dpkg recorded for it, as
 * {@code debsums -a} does: the files of {@code info/PKG.md5sums} and the conffiles of the status
 * file. Files are read in parallel (several threads a core, so a cold disk has reads queued),
 * without touching their atimes. On a root with no dpkg database but an RPM one, rpm itself
 * verifies ({@link RpmVerifier}).
 *
 * <p>What is checked is what dpkg says is there now: an entry of a package's md5sums that its file
 * list no longer holds was taken over by another package ({@code Replaces:}) and is that package's
 * to verify; a diverted file is looked for where it was diverted to. Under merged /usr a listed
 * {@code /bin/ls} is read and reported where it is, at {@code /usr/bin/ls}.
 */
public final class PackageFilesCollector implements Collector<PackageFile> {
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    });

    /** One file to verify. */
    private record Target(HostPath path, InstalledPackage pkg, String md5, boolean conffile, String reinstall,
                          Instant unpacked) {
    }

    @Override
    public String source() {
        return "package_files";
    }

    @Override
    public Class<PackageFile> type() {
        return PackageFile.class;
    }

    @Override
    public CollectResult<PackageFile> collect(Scan scan) {
        DpkgDatabase db = scan.once(DpkgDatabase.class, DpkgDatabase::load);
        if (!db.isPresent()) {
            return RpmVerifier.database(scan.root()).map(dbpath -> RpmVerifier.verify(scan.root(), dbpath))
                    .orElseGet(() -> new CollectResult<>(List.of(), db.errors()));
        }
        List<CollectionError> errors = new ArrayList<>(db.errors());
        List<Target> targets = targets(db, scan.packages(), errors);
        List<PackageFile> out = new ArrayList<>(targets.size());
        int threads = 4 * Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> Thread.ofPlatform().daemon().name("ward-verify").unstarted(r));
        try {
            List<Future<PackageFile>> results = new ArrayList<>(targets.size());
            for (Target t : targets) {
                results.add(pool.submit(() -> verify(scan.root(), t)));
            }
            for (int i = 0; i < targets.size(); i++) {
                try {
                    out.add(results.get(i).get());
                } catch (ExecutionException e) {
                    errors.add(new CollectionError(source(), "", e.getCause().getMessage()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add(new CollectionError(source(), "", "interrupted"));
        } finally {
            pool.shutdownNow();
        }
        return new CollectResult<>(out, errors);
    }

    /** Each package's files once, in the database's order; a path shared by packages once. */
    private List<Target> targets(DpkgDatabase db, PackageIndex lists, List<CollectionError> errors) {
        List<Target> out = new ArrayList<>();
        Set<HostPath> seen = new HashSet<>();
        for (InstalledPackage p : db.packages()) {
            if (!p.hasFiles()) {
                continue;
            }
            String reinstall = p.reinstallCommand(db.multiArch(p));
            Instant unpacked = db.unpacked(p);
            Map<HostPath, String> sums;
            try {
                sums = db.md5sums(p);
            } catch (HostException e) {
                errors.add(new CollectionError(source(), "", e.getMessage()));
                sums = Map.of();
            }
            for (Map.Entry<HostPath, String> e : sums.entrySet()) {
                if (lists.lists(e.getKey(), p.name())) {
                    HostPath path = db.onDisk(e.getKey(), p);
                    if (seen.add(path)) {
                        out.add(new Target(path, p, e.getValue(), false, reinstall, unpacked));
                    }
                }
            }
            for (InstalledPackage.Conffile c : p.conffiles()) {
                HostPath path = db.onDisk(HostPath.ofBytes(c.path().getBytes(StandardCharsets.ISO_8859_1)), p);
                if (!c.obsolete() && c.md5().length() == 32 && seen.add(path)) {
                    out.add(new Target(path, p, c.md5(), true, reinstall, unpacked));
                }
            }
        }
        return out;
    }

    private static PackageFile verify(HostRoot root, Target t) throws HostException {
        MessageDigest md5 = MD5.get();
        md5.reset();
        FileStat st;
        String actual;
        try {
            ReadStats read = root.readChunks(t.path(), md5::update);
            st = read.after();
            actual = HexFormat.of().formatHex(md5.digest());
        } catch (HostException e) {
            if (e.isMissing()) {
                return file(t, PackageFile.State.MISSING, null, null);
            }
            st = root.lstat(t.path()).orElse(null);
            if (st == null || st.isRegular()) {
                throw e;
            }
            actual = null; // a symlink, FIFO or device where the package put a regular file
        }
        boolean same = t.md5().equalsIgnoreCase(String.valueOf(actual));
        return file(t, same ? PackageFile.State.OK : PackageFile.State.CHANGED, actual, st);
    }

    private static PackageFile file(Target t, PackageFile.State state, String actual, FileStat st) {
        String path = t.path().display();
        return new PackageFile(path, t.pkg().name(), t.pkg().version(), t.pkg().architecture(), t.reinstall(),
                PackageFile.Kind.of(path, t.conffile()), state, state == PackageFile.State.CHANGED ? "digest" : "", t.md5(), actual,
                st == null ? 0 : st.permissions(), st == null ? -1 : st.uid(),
                st == null ? null : st.mtime(), st == null ? null : st.ctime(), t.unpacked());
    }
}
