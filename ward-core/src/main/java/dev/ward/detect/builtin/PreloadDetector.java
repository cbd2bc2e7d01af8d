package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.preload.PreloadCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.PreloadEntry;
import dev.ward.model.Severity;

/**
 * {@code linux.preload.library} (ATT&CK T1574.006): a library the loader forces into every process,
 * from {@code /etc/ld.so.preload} or {@code LD_PRELOAD} in {@code /etc/environment}. A stock
 * system has neither, and it is how userland rootkits hide files and processes. High; critical when
 * the library exists and no package owns it. A listed library that is absent is still high: the
 * loader warns and goes on, but someone put the line there. Names both the list and the library.
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
    }
}
