package dev.ward.collect.unowned;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.collect.dpkg.DpkgDatabase;
import dev.ward.collect.dpkg.PackageIndex;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.TreeWalk;
import dev.ward.model.CollectionError;
import dev.ward.model.UnownedFile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Executables, shared libraries, kernel modules and PAM modules in the system directories that no
 * package's file list holds: what an intruder drops beside the real programs, and what was built
 * and installed by hand. Only files that can run are considered, so the caches and databases
 * packages generate after install ({@code ld.so.cache}, {@code modules.dep}, Python bytecode, the
 * locale archive, the alternatives' symlinks) are never candidates. A kernel module DKMS built is
 * recognised by its copy under {@code /var/lib/dkms}. Without a dpkg database nothing is reported:
 * "owned by no package" would mean nothing.
 */
public final class UnownedCollector implements Collector<UnownedFile> {
    /** The system directories walked unless told otherwise; /bin, /sbin and /lib* only where /usr is not merged. */
    public static final List<String> DEFAULT_DIRS = List.of("/usr/bin", "/usr/sbin", "/usr/libexec", "/usr/lib",
            "/usr/lib32", "/usr/lib64", "/usr/libx32", "/usr/games", "/bin", "/sbin", "/lib", "/lib32", "/lib64",
            "/libx32", "/etc", "/usr/local/bin", "/usr/local/sbin", "/usr/local/lib");

    private static final byte[] ELF = {0x7f, 'E', 'L', 'F'};
    private static final Pattern MODULE = Pattern.compile(".*\\.ko(\\.(xz|zst|gz))?");
    private static final Pattern LIBRARY = Pattern.compile(".*\\.so(\\.[0-9.]+)?");

    private final List<HostPath> dirs;

    public UnownedCollector() {
        this(DEFAULT_DIRS);
    }

    public UnownedCollector(List<String> dirs) {
        this.dirs = dirs.stream().map(HostPath::of).toList();
    }

    @Override
    public String source() {
        return "unowned_files";
    }

    @Override
    public Class<UnownedFile> type() {
        return UnownedFile.class;
    }

    @Override
    public CollectResult<UnownedFile> collect(Scan scan) {
        PackageIndex packages = scan.packages();
        List<UnownedFile> out = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        if (!packages.isPresent()) {
            return new CollectResult<>(out, errors);
        }
        HostRoot root = scan.root();
        DpkgDatabase db = scan.once(DpkgDatabase.class, DpkgDatabase::load);
        Set<String> dkms = dkmsModules(root);
        TreeWalk walk = new TreeWalk(root, Set.of());
        Set<Long> seenDirs = new HashSet<>();
        for (HostPath dir : dirs) {
            if (!realDirectory(root, dir, seenDirs)) {
                continue; // a merged-/usr symlink, absent, or the same directory under another name
            }
            walk.walk(dir, (p, st) -> {
                if (st.isRegular() && !packages.owns(p) && !db.isDiversionTarget(p)) {
                    boolean elf = isElf(root, p);
                    kind(p, st, elf).ifPresent(k -> out.add(new UnownedFile(p.display(), k, st.permissions(),
                            st.uid(), st.size(), st.mtime(), st.ctime(), elf,
                            k == UnownedFile.Kind.KERNEL_MODULE && dkms.contains(p.name()), tree(p, dir, packages))));
                }
            }, e -> errors.add(new CollectionError(source(), "", e.getMessage())));
        }
        out.sort(Comparator.comparing(UnownedFile::path));
        return new CollectResult<>(out, errors);
    }

    private static boolean realDirectory(HostRoot root, HostPath dir, Set<Long> seen) {
        return root.lstatOrEmpty(dir).filter(FileStat::isDirectory).map(st -> seen.add(st.inode() * 31 + st.device()))
                .orElse(false);
    }

    /** The highest directory between {@code p} and {@code top} that no package owns, or null. */
    private static String tree(HostPath p, HostPath top, PackageIndex packages) {
        HostPath tree = null;
        for (HostPath d = p.parent(); !d.isRoot() && !d.equals(top) && !packages.owns(d); d = d.parent()) {
            tree = d;
        }
        return tree == null ? null : tree.display();
    }

    /** What the file is, from its name, its mode and its first bytes; empty when it cannot run. */
    static Optional<UnownedFile.Kind> kind(HostPath p, FileStat st, boolean elf) {
        String name = p.name();
        String path = p.display();
        if (MODULE.matcher(name).matches()) {
            return Optional.of(UnownedFile.Kind.KERNEL_MODULE);
        }
        boolean library = LIBRARY.matcher(name).matches();
        if (library && path.contains("/security/pam_")) {
            return Optional.of(UnownedFile.Kind.PAM_MODULE);
        }
        if (library) {
            return Optional.of(UnownedFile.Kind.SHARED_LIBRARY);
        }
        boolean executable = (st.permissions() & 0111) != 0;
        return executable || elf ? Optional.of(UnownedFile.Kind.EXECUTABLE) : Optional.empty();
    }

    private static boolean isElf(HostRoot root, HostPath p) {
        try {
            byte[] head = root.read(p, ELF.length);
            return java.util.Arrays.equals(head, ELF);
        } catch (HostException e) {
            return false;
        }
    }

    /** File names of the modules DKMS built: {@code /var/lib/dkms/NAME/VERSION/KERNEL/ARCH/module/*.ko*}. */
    private static Set<String> dkmsModules(HostRoot root) {
        Set<String> names = new HashSet<>();
        new TreeWalk(root, Set.of()).walk(HostPath.of("/var/lib/dkms"), (p, st) -> {
            if (st.isRegular() && p.parent().name().equals("module")) {
                names.add(p.name());
            }
        }, e -> { });
        return names;
    }
}
