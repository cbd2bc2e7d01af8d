package dev.ward.detect.builtin;

import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.collect.preload.PreloadCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.DirEntry;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import dev.ward.model.PreloadEntry;
import dev.ward.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code linux.preload.library} (ATT&CK T1574.006): a library the loader forces into every process,
 * from {@code /etc/ld.so.preload} or {@code LD_PRELOAD} in {@code /etc/environment}. A stock
 * system has neither, and it is how userland rootkits hide files and processes. High; critical when
 * the library exists and no package owns it. A listed library that is absent is still high: the
 * loader warns and goes on, but someone put the line there. Names both the list and the library.
 * {@code LD_AUDIT} and systemd's {@code DefaultEnvironment=} are read the same way.
 *
 * <p>{@code linux.preload.library_dir} (T1574.006): an ld.so.conf directory, searched before the
 * default ones, that is temporary or hidden (high), or that no package installed: high when it holds
 * a library named like a packaged system one (it shadows it for every program), low otherwise.
 * Directories under {@code /usr/local} named by a packaged file (Debian's {@code libc.conf}) are
 * the administrator's, and left alone.
 */
public final class PreloadDetector implements Detector {
    @Override
    public String name() {
        return "preload";
    }

    @Override
    public void detect(Scan scan, Results out) {
        boolean dpkg = scan.packages().isPresent();
        for (PreloadEntry e : out.take(scan.records(new PreloadCollector()))) {
            boolean critical = dpkg && e.libraryExists() && e.libraryPackage() == null;
            String owner = !e.libraryExists() ? "library absent" : Evidence.owner(e.libraryPackage());
            out.add(Finding.builder("linux.preload.library", critical ? Severity.CRITICAL : Severity.HIGH,
                            "Library preloaded into every process")
                    .summary(e.path() + ":" + e.line() + " preloads " + e.library() + " (" + owner + ")")
                    .evidence("path", e.path()).evidence("line", e.line()).evidence("text", e.text())
                    .evidence("library", e.library()).evidence("library_exists", e.libraryExists())
                    .evidence("package", owner)
                    .path(e.path()).path(e.library()).attack("T1574.006")
                    .remediation("From a trusted shell (statically linked busybox, or the image mounted "
                            + "elsewhere) remove the entry, keep the library as evidence, and treat every "
                            + "process listing taken on this host as suspect.").build());
        }
        List<CollectionError> errors = new ArrayList<>();
        List<PreloadCollector.LibraryDir> dirs = PreloadCollector.libraryDirs(new HostFiles(scan, name(), errors));
        errors.forEach(out::error);
        for (PreloadCollector.LibraryDir d : dirs) {
            libraryDir(scan, d, dpkg).ifPresent(out::add);
        }
    }

    /** The multiarch and plain library directories whose packaged libraries a search path could shadow. */
    private static final List<String> SYSTEM_LIB_DIRS = List.of("/usr/lib", "/usr/lib64",
            "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib/i386-linux-gnu");

    private static Optional<Finding> libraryDir(Scan scan, PreloadCollector.LibraryDir d, boolean dpkg) {
        String why;
        Severity severity = Severity.HIGH;
        List<String> shadowed = List.of();
        if (Indicators.isTempOrHidden(d.dir())) {
            why = "temporary or hidden directory";
        } else if (dpkg && d.exists() && d.dirPackage() == null
                && !(d.filePackage() != null && d.dir().startsWith("/usr/local/"))) {
            shadowed = shadowedLibraries(scan, HostPath.of(d.dir()));
            why = shadowed.isEmpty() ? "directory owned by no package" : "holds libraries named like system ones";
            // Software installed by hand (a CUDA toolkit under /usr/local) adds such directories; only
            // one that can stand in for a system library is an attack on every program.
            severity = shadowed.isEmpty() ? Severity.LOW : Severity.HIGH;
        } else {
            return Optional.empty();
        }
        return Optional.of(Finding.builder("linux.preload.library_dir", severity,
                        "Loader searches an unusual library directory")
                .summary(d.path() + ":" + d.line() + " adds " + d.dir() + " (" + why + ")")
                .evidence("path", d.path()).evidence("line", d.line()).evidence("dir", d.dir())
                .evidence("dir_exists", d.exists()).evidence("indicator", why)
                .evidence("shadows", shadowed.isEmpty() ? null : shadowed)
                .evidence("package", Evidence.owner(d.filePackage())).path(d.path()).path(d.dir())
                .attack("T1574.006").remediation("Look for libraries in the directory that shadow system "
                        + "ones (libc, libpam, libpthread); remove the line, run ldconfig, keep copies.")
                .build());
    }

    /** Names in {@code dir} that a package installs as a library in a system library directory. */
    private static List<String> shadowedLibraries(Scan scan, HostPath dir) {
        List<String> out = new ArrayList<>();
        try {
            for (DirEntry e : scan.root().list(dir)) {
                String name = e.name();
                if (name.contains(".so") && SYSTEM_LIB_DIRS.stream()
                        .anyMatch(lib -> scan.packages().owns(HostPath.of(lib).resolve(e.path().nameBytes())))) {
                    out.add(name);
                }
            }
        } catch (HostException ex) {
            return List.of("(unreadable: " + ex.getMessage() + ")");
        }
        return out;
    }
}
