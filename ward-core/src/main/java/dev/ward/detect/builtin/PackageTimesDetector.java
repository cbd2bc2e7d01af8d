package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.dpkg.PackageFilesCollector;
import dev.ward.collect.dpkg.PackagedCopy;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.model.Finding;
import dev.ward.model.PackageFile;
import dev.ward.model.Severity;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the times of packaged programs and libraries give away. dpkg unpacks a package's files
 * together: their ctimes sit at the time it ran (the mtime of the package's file list), their mtimes
 * at the package's build. A file whose ctime is well after both its package's unpack and the rest of
 * its package's files was touched later by something other than dpkg; when its mtime is still older
 * than the unpack, the mtime was put back. A copied or restored tree moves every ctime together, so it
 * shows no such file.
 * <ul>
 * <li>{@code linux.packages.setid_added} (high, T1548.001): a packaged file with a setuid or setgid
 * bit that the package's own .deb (in apt's cache) does not give it; where the cache has no copy of
 * that version, such a file touched later as above. {@code dpkg-statoverride}'s entries are the
 * administrator's and are left alone.</li>
 * <li>{@code linux.packages.caps_added} (high, T1548): such a file has file capabilities.</li>
 * <li>{@code linux.packages.metadata_changed} (low): any other such file with its content intact (a
 * chmod, chown or touch after install); a changed content is {@link PackageFilesDetector}'s.</li>
 * <li>{@code linux.files.future_mtime} (medium, T1070.006): an mtime more than a day ahead of the
 * clock.</li>
 * </ul>
 */
public final class PackageTimesDetector implements Detector {
    public static final Duration SLACK = Duration.ofHours(1);
    private static final HostPath STATOVERRIDE = HostPath.of("/var/lib/dpkg/statoverride");

    private final Duration slack;

    public PackageTimesDetector() {
        this(SLACK);
    }

    /** {@code slack}: how long after dpkg a file's ctime may move (maintainer scripts, triggers). */
    public PackageTimesDetector(Duration slack) {
        this.slack = slack;
    }

    @Override
    public String name() {
        return "package_times";
    }

    @Override
    public void detect(Scan scan, Results out) {
        List<PackageFile> files = out.take(scan.records(new PackageFilesCollector()));
        Map<String, Instant> settled = settledCtimes(files);
        Set<String> overridden = null;
        Instant future = scan.clock().instant().plus(Duration.ofDays(1));
        for (PackageFile f : files) {
            if (f.mtime() != null && f.mtime().isAfter(future)) {
                out.add(futureMtime(f));
            }
            if (f.state() != PackageFile.State.OK) {
                continue;
            }
            boolean setid = (f.mode() & 06000) != 0;
            if (setid && overridden == null) {
                overridden = statOverrides(scan, out);
            }
            Optional<Integer> shipped = setid ? shippedMode(scan, f, out) : Optional.empty();
            if (shipped.isPresent()) {
                if ((f.mode() & 06000 & ~shipped.get()) != 0 && !overridden.contains(f.path())) {
                    out.add(notShipped(f, shipped.get()));
                }
            } else if (touchedLater(f, settled.get(f.packageName()), slack)
                    && (f.kind() == PackageFile.Kind.BINARY || f.kind() == PackageFile.Kind.LIBRARY)) {
                out.add(touched(scan, f, setid && overridden.contains(f.path()), out));
            }
        }
    }

    /** The mode the package's .deb in apt's cache gives the file, when the cache has that version. */
    private static Optional<Integer> shippedMode(Scan scan, PackageFile f, Results out) {
        try {
            return PackagedCopy.mode(scan.root(), f.packageName(), f.version(), f.architecture(), f.path());
        } catch (IOException e) {
            out.error("package_times", "", e.getMessage());
            return Optional.empty();
        }
    }

    /** {@code linux.packages.setid_added}, however it was told: the .deb's mode, the file's ctime, or rpm. */
    static Finding.Builder setidAdded() {
        return Finding.builder("linux.packages.setid_added", Severity.HIGH, "Set-id bit on a packaged program set after install")
                .attack("T1548.001");
    }

    /** A set-id bit the package's own .deb does not give the file. */
    private static Finding notShipped(PackageFile f, int shipped) {
        return setidAdded()
                .summary(f.path() + " mode " + Evidence.octal(f.mode()) + " where package " + f.packageName() + " "
                        + f.version() + " ships it " + Evidence.octal(shipped))
                .evidence("path", f.path()).evidence("package", f.packageName()).evidence("mode", Evidence.octal(f.mode()))
                .evidence("shipped_mode", Evidence.octal(shipped)).evidence("uid", f.uid())
                .evidence("ctime", Evidence.time(f.ctime())).path(f.path())
                .remediation("Remove the bit (chmod u-s,g-s), then " + f.reinstall() + "; look for who ran it since its ctime.")
                .build();
    }

    /** The median ctime of each package's files: when dpkg last put them in place. */
    static Map<String, Instant> settledCtimes(List<PackageFile> files) {
        Map<String, List<Instant>> byPackage = new HashMap<>();
        for (PackageFile f : files) {
            if (f.ctime() != null) {
                byPackage.computeIfAbsent(f.packageName(), k -> new ArrayList<>()).add(f.ctime());
            }
        }
        Map<String, Instant> out = new HashMap<>();
        byPackage.forEach((pkg, times) -> {
            times.sort(null);
            out.put(pkg, times.get(times.size() / 2));
        });
        return out;
    }

    /** Its ctime is well after its package's unpack and after its package's other files. */
    static boolean touchedLater(PackageFile f, Instant settled, Duration slack) {
        return f.ctime() != null && f.unpacked() != null && settled != null
                && f.ctime().isAfter(f.unpacked().plus(slack)) && f.ctime().isAfter(settled.plus(slack));
    }

    private static Finding touched(Scan scan, PackageFile f, boolean overridden, Results out) {
        boolean setid = (f.mode() & 06000) != 0 && !overridden;
        boolean caps = capabilities(scan, f, out);
        boolean putBack = f.mtime() != null && f.mtime().isBefore(f.unpacked());
        String when = "ctime " + f.ctime() + ", its package unpacked " + f.unpacked()
                + (putBack ? ", mtime " + f.mtime() + " older than that" : "");
        Finding.Builder b;
        if (setid || caps) {
            b = (setid ? setidAdded() : Finding.builder("linux.packages.caps_added", Severity.HIGH,
                            "File capabilities on a packaged program set after install").attack("T1548"))
                    .summary(f.path() + " mode " + Evidence.octal(f.mode()) + (caps ? " with file capabilities" : "")
                            + " (package " + f.packageName() + "; " + when + ")")
                    .remediation("Remove the bit or capabilities (chmod u-s,g-s; setcap -r), then " + f.reinstall()
                            + "; look for who ran it since its ctime.");
        } else {
            b = Finding.builder("linux.packages.metadata_changed", Severity.LOW,
                            "Packaged program's metadata changed after install")
                    .summary(f.path() + " (package " + f.packageName() + "; " + when + ")")
                    .remediation("Compare its owner and mode with the package's (dpkg -c on the .deb); "
                            + f.reinstall() + " restores them.");
        }
        return b.evidence("path", f.path()).evidence("package", f.packageName()).evidence("mode", Evidence.octal(f.mode()))
                .evidence("uid", f.uid()).evidence("mtime", Evidence.time(f.mtime())).evidence("ctime", Evidence.time(f.ctime()))
                .evidence("package_unpacked", Evidence.time(f.unpacked())).evidence("mtime_put_back", putBack)
                .evidence("capabilities", caps ? true : null).path(f.path()).build();
    }

    private static Finding futureMtime(PackageFile f) {
        return Finding.builder("linux.files.future_mtime", Severity.MEDIUM, "Packaged file's mtime is in the future")
                .summary(f.path() + " mtime " + f.mtime() + " (package " + f.packageName() + ")")
                .evidence("path", f.path()).evidence("package", f.packageName()).evidence("mtime", Evidence.time(f.mtime()))
                .evidence("ctime", Evidence.time(f.ctime())).path(f.path()).attack("T1070.006")
                .remediation("A clock set wrong at install or a time set by hand (touch -d): compare its ctime with "
                        + "the logs of that time.").build();
    }

    private static boolean capabilities(Scan scan, PackageFile f, Results out) {
        try {
            return scan.root().xattrs(HostPath.parse(f.path())).containsKey("security.capability");
        } catch (HostException e) {
            out.error("package_times", "", e.getMessage());
            return false;
        }
    }

    /** Paths dpkg-statoverride set an owner and mode for: "user group mode path" a line. */
    private static Set<String> statOverrides(Scan scan, Results out) {
        Set<String> paths = new HashSet<>();
        try {
            scan.root().readText(STATOVERRIDE).ifPresent(t -> t.lines().map(l -> l.split(" ", 4))
                    .filter(w -> w.length == 4).forEach(w -> paths.add(w[3])));
        } catch (HostException e) {
            out.error("package_times", "", e.getMessage());
        }
        return paths;
    }
}
