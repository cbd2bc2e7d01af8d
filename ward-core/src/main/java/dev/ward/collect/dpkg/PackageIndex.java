package dev.ward.collect.dpkg;

import dev.ward.host.DirEntry;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which package installed which path, from dpkg's {@code /var/lib/dpkg/info/*.list} files and
 * ucf's registry of the configuration files maintainer scripts install, read through the root.
 * Checks use it so that what a package put in place is not reported.
 *
 * <p>Merged /usr: on Debian 12 {@code /bin} is a symlink to {@code usr/bin}, but packages still
 * list {@code /bin/ls}; so a path under {@code /usr/bin}, {@code /usr/sbin} or {@code /usr/lib*}
 * is also looked up without its {@code /usr} prefix, and the reverse.
 */
public final class PackageIndex {
    private static final HostPath INFO = HostPath.of("/var/lib/dpkg/info");
    private static final HostPath UCF = HostPath.of("/var/lib/ucf/registry");
    private static final String[] MERGED = {"/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"};

    private final Map<HostPath, String> owners;
    private final List<String> packages;
    private final List<CollectionError> errors;

    private PackageIndex(Map<HostPath, String> owners, List<String> packages, List<CollectionError> errors) {
        this.owners = owners;
        this.packages = packages;
        this.errors = errors;
    }

    /** Reads every {@code .list} file; unreadable ones become errors. Empty without dpkg. */
    public static PackageIndex load(HostRoot root) {
        Map<HostPath, String> owners = new HashMap<>();
        List<String> packages = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        List<DirEntry> entries;
        try {
            entries = root.list(INFO);
        } catch (HostException e) {
            errors.add(new CollectionError("dpkg", INFO.display(), e.getMessage()));
            entries = List.of();
        }
        for (DirEntry entry : entries) {
            String name = entry.name();
            if (!name.endsWith(".list")) {
                continue;
            }
            String pkg = packageName(name.substring(0, name.length() - ".list".length()));
            packages.add(pkg);
            try {
                parseList(root.read(entry.path(), Long.MAX_VALUE), pkg, owners);
            } catch (HostException e) {
                errors.add(new CollectionError("dpkg", entry.path().display(), e.getMessage()));
            }
        }
        if (!packages.isEmpty()) {
            try {
                root.readText(UCF).ifPresent(text -> parseUcf(text, owners));
            } catch (HostException e) {
                errors.add(new CollectionError("dpkg", UCF.display(), e.getMessage()));
            }
        }
        return new PackageIndex(owners, List.copyOf(packages), List.copyOf(errors));
    }

    /**
     * Pure: adds each listed path of one package's {@code .list} file to {@code owners}. The file
     * holds names as raw bytes, one a line (a systemd unit's literal backslash included), so it is
     * split as bytes, never decoded.
     */
    static void parseList(byte[] list, String pkg, Map<HostPath, String> owners) {
        int start = 0;
        for (int i = 0; i <= list.length; i++) {
            if (i == list.length || list[i] == '\n') {
                int len = i - start;
                if (len >= 2 && list[start] == '/' && !(len == 2 && list[start + 1] == '.')) {
                    owners.merge(HostPath.ofBytes(Arrays.copyOfRange(list, start, i)), pkg,
                            (a, b) -> a.equals(b) ? a : a + ", " + b);
                }
                start = i + 1;
            }
        }
    }

    /**
     * Pure: adds the configuration files ucf installs for packages from their maintainer scripts
     * ({@code /var/lib/ucf/registry}: "package path" a line). dpkg's lists do not hold them, yet
     * their package put them there.
     */
    static void parseUcf(String registry, Map<HostPath, String> owners) {
        registry.lines().map(String::strip).forEach(line -> {
            String[] words = line.split("\\s+", 2);
            if (words.length == 2 && words[1].startsWith("/")) {
                owners.putIfAbsent(HostPath.parse(words[1]), words[0]);
            }
        });
    }

    /** A multi-arch list file is {@code libc6:amd64.list}; the package to reinstall is {@code libc6}. */
    static String packageName(String listName) {
        int colon = listName.indexOf(':');
        return colon < 0 ? listName : listName.substring(0, colon);
    }

    /** The package (or packages, comma separated) that installed this path, if any. */
    public Optional<String> owner(HostPath path) {
        String direct = owners.get(path);
        if (direct != null) {
            return Optional.of(direct);
        }
        return alias(path).map(owners::get);
    }

    /** Whether {@code pkg}'s file list holds the path (under either merged-/usr spelling). */
    public boolean lists(HostPath path, String pkg) {
        return owner(path).map(o -> List.of(o.split(", ")).contains(pkg)).orElse(false);
    }

    public boolean owns(HostPath path) {
        return owner(path).isPresent();
    }

    /** The other spelling of a path under merged /usr, or empty when it has none. */
    static Optional<HostPath> alias(HostPath path) {
        String p = path.display();
        for (String top : MERGED) {
            if (p.startsWith("/usr" + top + "/")) {
                return Optional.of(HostPath.parse(p.substring(4)));
            }
            if (p.startsWith(top + "/")) {
                return Optional.of(HostPath.parse("/usr" + p));
            }
        }
        return Optional.empty();
    }

    /** True when dpkg's database was found: without it, "owned by no package" means nothing. */
    public boolean isPresent() {
        return !packages.isEmpty();
    }

    public List<String> packages() {
        return packages;
    }

    public List<CollectionError> errors() {
        return errors;
    }
}
