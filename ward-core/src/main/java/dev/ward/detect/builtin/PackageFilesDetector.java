package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.dpkg.LineDiff;
import dev.ward.collect.dpkg.PackageFilesCollector;
import dev.ward.collect.dpkg.PackagedCopy;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.HostPath;
import dev.ward.model.Finding;
import dev.ward.model.PackageFile;
import dev.ward.model.PackageFile.Kind;
import dev.ward.model.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What package verification found, one finding a file:
 * <ul>
 * <li>{@code linux.packages.file_changed} (ATT&CK T1554, T1036.005): a packaged file whose bytes are
 * not the ones shipped. High for programs and libraries (a trojaned {@code ls}, a patched
 * {@code libpam}), medium for the rest of {@code /usr}. The mtime proves nothing: intruders put
 * it back ({@code touch -r}).</li>
 * <li>{@code linux.packages.conffile_changed} (low): a configuration file that differs from the
 * packaged one, with the diff against the packaged version when the package's .deb is in apt's
 * cache. Administrators edit these; they are listed apart, for review, not as intrusions.</li>
 * <li>{@code linux.packages.file_missing}: a packaged file that is gone; medium for programs and
 * libraries (a tool an intruder removed, or one they moved aside to replace), low otherwise.</li>
 * </ul>
 */
public final class PackageFilesDetector implements Detector {
    @Override
    public String name() {
        return "packages";
    }

    @Override
    public void detect(Scan scan, Results out) {
        for (PackageFile f : out.take(scan.records(new PackageFilesCollector()))) {
            switch (f.state()) {
                case CHANGED -> out.add(changed(f, f.kind() == Kind.CONFIG ? diff(scan, f, out) : List.of()));
                case METADATA -> out.add(metadata(f));
                case MISSING -> out.add(missing(f));
                case OK -> { }
            }
        }
    }

    /** Lines of a diff shown in a finding; the rest is counted. */
    static final int DIFF_SHOWN = 60;

    /**
     * The conffile against its packaged version, when the package's .deb is in apt's cache and
     * holds the bytes dpkg recorded; empty otherwise.
     */
    private static List<String> diff(Scan scan, PackageFile f, Results out) {
        if (f.expectedMd5() == null || f.actualMd5() == null) {
            return List.of(); // rpm compared it, or it is no longer a regular file
        }
        try {
            Optional<byte[]> shipped = PackagedCopy.of(scan.root(), f.packageName(), f.version(), f.architecture(),
                    f.path(), f.expectedMd5());
            if (shipped.isEmpty()) {
                return List.of();
            }
            byte[] now = scan.root().read(HostPath.parse(f.path()), 16L * 1024 * 1024);
            return LineDiff.unified(new String(shipped.get(), StandardCharsets.UTF_8), new String(now, StandardCharsets.UTF_8));
        } catch (IOException e) {
            out.error("packages", "", e.getMessage());
            return List.of();
        }
    }

    private static Finding changed(PackageFile f, List<String> diff) {
        boolean config = f.kind() == Kind.CONFIG;
        boolean code = f.kind() == Kind.BINARY || f.kind() == Kind.LIBRARY;
        Severity s = config ? Severity.LOW : code ? Severity.HIGH : Severity.MEDIUM;
        String what = f.expectedMd5() == null ? "differs from the packaged one (" + f.differs() + ")"
                : f.actualMd5() == null ? "is no longer a regular file" : "differs from the packaged one";
        if (mtimePutBack(f)) {
            what += ", its mtime put back before the package's install";
        }
        StringBuilder summary = new StringBuilder(f.path() + " " + what + " (package " + f.packageName() + ")");
        if (!diff.isEmpty()) {
            summary.append("\nAgainst the packaged version (- packaged, + on disk):");
            diff.stream().limit(DIFF_SHOWN).forEach(line -> summary.append('\n').append(line));
            if (diff.size() > DIFF_SHOWN) {
                summary.append("\n(").append(diff.size() - DIFF_SHOWN).append(" more diff lines)");
            }
        }
        var b = Finding.builder(config ? "linux.packages.conffile_changed" : "linux.packages.file_changed", s,
                        config ? "Configuration file changed since its package installed it"
                                : "Packaged " + f.kind().label() + " file changed")
                .summary(summary.toString());
        evidence(b, f).path(f.path());
        if (config) {
            return b.remediation("Review the change; the packaged version is restored with " + f.reinstall()
                    + " -o Dpkg::Options::=--force-confask, or by extracting it from the package.").build();
        }
        return b.attack("T1554", "T1036.005")
                .remediation("Keep the file as evidence (ward quarantine), then restore the package's own with "
                        + f.reinstall() + " from a trusted mirror; compare it with a known-good host before trusting "
                        + "any other program on this one.").build();
    }

    /** rpm found the owner, mode or capabilities changed, the content intact. */
    private static Finding metadata(PackageFile f) {
        boolean setid = (f.mode() & 06000) != 0 && f.differs().contains("mode");
        var b = setid
                ? PackageTimesDetector.setidAdded()
                : Finding.builder("linux.packages.metadata_changed", Severity.LOW, "Packaged file's metadata changed after install");
        return evidence(b, f).path(f.path())
                .summary(f.path() + " (" + f.differs() + " differ from package " + f.packageName() + ")")
                .remediation("Compare them with the package's (rpm -qlv " + f.packageName() + "); " + f.reinstall()
                        + " or rpm --setperms --setugids restores them.").build();
    }

    private static Finding missing(PackageFile f) {
        boolean code = f.kind() == Kind.BINARY || f.kind() == Kind.LIBRARY;
        var b = Finding.builder("linux.packages.file_missing", code ? Severity.MEDIUM : Severity.LOW,
                        "Packaged file missing")
                .summary(f.path() + " is gone (package " + f.packageName() + ")");
        return evidence(b, f).path(f.path())
                .remediation("Find out who removed it (logs, shell histories), then restore it with " + f.reinstall()
                        + ".").build();
    }

    private static Finding.Builder evidence(Finding.Builder b, PackageFile f) {
        return b.evidence("path", f.path()).evidence("package", f.packageName()).evidence("kind", f.kind().label())
                .evidence("differs", f.differs().isEmpty() ? null : f.differs())
                .evidence("expected_md5", f.expectedMd5()).evidence("actual_md5", f.actualMd5())
                .evidence("mode", f.mtime() == null ? null : Evidence.octal(f.mode()))
                .evidence("mtime", Evidence.time(f.mtime())).evidence("ctime", Evidence.time(f.ctime()))
                .evidence("package_unpacked", Evidence.time(f.unpacked())).evidence("restore", f.reinstall())
                .evidence("mtime_put_back", mtimePutBack(f) ? true : null);
    }

    /** Written after its package was unpacked (ctime) yet dated before it (mtime): touch -r, touch -d. */
    static boolean mtimePutBack(PackageFile f) {
        return f.mtime() != null && f.ctime() != null && f.unpacked() != null && f.mtime().isBefore(f.unpacked())
                && f.ctime().isAfter(f.unpacked().plus(PackageTimesDetector.SLACK));
    }
}
