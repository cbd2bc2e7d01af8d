package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.webshell.WebShellCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.WebShellHit;

/**
 * {@code linux.web.shell} (high, ATT&CK T1505.003): a server-side script under a web root that
 * executes decoded or request-supplied input. Reported even when a package owns it (a packaged file
 * can be edited); the owner is in the evidence.
 */
public final class WebShellDetector implements Detector {
    @Override
    public String name() {
        return "webshell";
    }

    @Override
    public void detect(Scan scan, Results out) {
        for (WebShellHit h : out.take(scan.records(new WebShellCollector()))) {
            out.add(Finding.builder("linux.web.shell", Severity.HIGH, "Web shell code in a web root")
                    .summary(h.path() + ":" + h.line() + " (" + h.pattern() + "): " + h.snippet())
                    .evidence("path", h.path()).evidence("line", h.line()).evidence("indicator", h.pattern())
                    .evidence("text", h.snippet()).evidence("size", h.size())
                    .evidence("package", Evidence.owner(h.packageName())).evidence("mtime", Evidence.time(h.mtime()))
                    .path(h.path()).attack("T1505.003")
                    .remediation("Take the file out of the web root (keep a copy), then read the web server's "
                            + "access log for requests to it and for how it was uploaded.").build());
        }
    }
}
