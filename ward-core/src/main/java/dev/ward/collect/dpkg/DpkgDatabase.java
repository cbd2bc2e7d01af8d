package dev.ward.collect.dpkg;

import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import dev.ward.model.InstalledPackage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * dpkg's database under a root, as verification needs it: the installed packages with their
 * conffiles ({@code status}), each package's shipped MD5s ({@code info/PKG.md5sums}), diversions,
 * and when each package was last unpacked (the mtime of {@code info/PKG.list}, which dpkg rewrites
 * on every install, upgrade and reinstall). Without a status file it is empty.
 */
public final class DpkgDatabase {
    static final HostPath DIR = HostPath.of("/var/lib/dpkg");
    private static final long LIMIT = 256L * 1024 * 1024;

    private final HostRoot root;
    private final List<InstalledPackage> packages;
    private final Diversions diversions;
    private final Map<String, Integer> architectures;
    private final List<CollectionError> errors;

    private DpkgDatabase(HostRoot root, List<InstalledPackage> packages, Diversions diversions,
                         List<CollectionError> errors) {
        this.root = root;
        this.packages = packages;
        this.diversions = diversions;
        this.errors = errors;
        this.architectures = new HashMap<>();
        packages.forEach(p -> architectures.merge(p.name(), 1, Integer::sum));
    }

    public static DpkgDatabase load(HostRoot root) {
        List<CollectionError> errors = new ArrayList<>();
        List<InstalledPackage> packages = text(root, DIR.resolve("status"), errors)
                .map(StatusParser::parse).orElse(List.of());
        Diversions diversions = text(root, DIR.resolve("diversions"), errors)
                .map(Diversions::parse).orElse(Diversions.NONE);
        return new DpkgDatabase(root, packages, diversions, errors);
    }

    private static Optional<String> text(HostRoot root, HostPath path, List<CollectionError> errors) {
        try {
            return Optional.of(new String(root.read(path, LIMIT), StandardCharsets.ISO_8859_1));
        } catch (HostException e) {
            if (!e.isMissing()) {
                errors.add(new CollectionError("dpkg", path.display(), e.getMessage()));
            }
            return Optional.empty();
        }
    }

    public boolean isPresent() {
        return !packages.isEmpty();
    }

    public List<InstalledPackage> packages() {
        return packages;
    }

    /** Whether the package's name needs its architecture to be told apart (multi-arch installs). */
    public boolean multiArch(InstalledPackage p) {
        return architectures.getOrDefault(p.name(), 0) > 1;
    }

    /**
     * The package's shipped MD5s by absolute path, as listed (before diversions); empty for a
     * package that ships none (some metapackages) or whose list is missing.
     */
    public Map<HostPath, String> md5sums(InstalledPackage p) throws HostException {
        Optional<HostPath> file = info(p, "md5sums");
        return file.isEmpty() ? Map.of() : Md5sumsParser.parse(root.read(file.get(), LIMIT));
    }

    /** When dpkg last unpacked the package: its file list's mtime; null when there is none. */
    public Instant unpacked(InstalledPackage p) {
        return info(p, "list").flatMap(root::lstatOrEmpty).map(FileStat::mtime).orElse(null);
    }

    /**
     * Where a listed file is on disk: moved by a diversion ({@link Diversions#onDisk}), and under
     * merged /usr spelled as it is there: a listed {@code /bin/ls} is {@code /usr/bin/ls} when the
     * root's {@code /bin} is a symlink.
     */
    public HostPath onDisk(HostPath listed, InstalledPackage p) {
        HostPath path = diversions.onDisk(listed, p.name());
        return PackageIndex.alias(path).filter(usr -> usr.display().startsWith("/usr/") && merged(path)).orElse(path);
    }

    private final Map<String, Boolean> mergedTops = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the path's first directory ({@code /bin}, {@code /lib}...) is a symlink in the root. */
    private boolean merged(HostPath path) {
        String p = path.display();
        String top = p.substring(0, Math.max(1, p.indexOf('/', 1)));
        return mergedTops.computeIfAbsent(top, t -> root.lstatOrEmpty(HostPath.of(t)).map(FileStat::isSymlink).orElse(false));
    }

    /** Whether some package's file was diverted to this path ({@code dpkg-divert --rename}). */
    public boolean isDiversionTarget(HostPath path) {
        return diversions.isTarget(path);
    }

    /** dpkg names a multi-arch package's files {@code NAME:ARCH.ext}, any other's {@code NAME.ext}. */
    private Optional<HostPath> info(InstalledPackage p, String ext) {
        HostPath qualified = DIR.resolve("info/" + p.name() + ":" + p.architecture() + "." + ext);
        if (root.lstatOrEmpty(qualified).isPresent()) {
            return Optional.of(qualified);
        }
        HostPath plain = DIR.resolve("info/" + p.name() + "." + ext);
        return root.lstatOrEmpty(plain).map(st -> plain);
    }

    public List<CollectionError> errors() {
        return errors;
    }
}
