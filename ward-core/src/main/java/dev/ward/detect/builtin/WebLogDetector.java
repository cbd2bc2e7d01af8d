package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.web.WebLedger;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.WebRequest;

/**
 * What the web servers' access logs give away ({@link WebLedger}):
 * <ul>
 * <li>{@code linux.web.scanner} (medium, T1595): an address whose user agent names a scanning tool,
 * or that drew 20 "not found" answers within 10 minutes.</li>
 * <li>{@code linux.web.shell_request} (high, T1505.003): a request for a well-known web shell or
 * handing a command to a script ({@code ?cmd=}), that the server answered with success; medium
 * when it answered with an error (a probe for a shell that is not there).</li>
 * </ul>
 */
public final class WebLogDetector implements Detector {
    @Override
    public String name() {
        return "web_logs";
    }

    @Override
    public void detect(Scan scan, Results out) {
        WebLedger ledger = WebLedger.of(scan);
        ledger.errors().forEach(out::error);
        ledger.sources().forEach((address, s) -> {
            if (s.scanner() != null || s.burst()) {
                String why = s.scanner() != null ? "its user agent names a scanner: " + s.scanner()
                        : WebLedger.NOT_FOUND_BURST + " or more \"not found\" within " + WebLedger.WINDOW.toMinutes() + " minutes";
                out.add(Finding.builder("linux.web.scanner", Severity.MEDIUM, "Web scanner")
                        .summary(address + " made " + s.requests() + " requests between " + s.first() + " and " + s.last()
                                + ", " + s.notFound() + " of them not found (" + why + ")")
                        .evidence("source", address).evidence("requests", s.requests()).evidence("not_found", s.notFound())
                        .evidence("user_agent", s.scanner()).evidence("first", s.first().toString())
                        .evidence("last", s.last().toString()).attack("T1595")
                        .remediation("See which of its requests were answered (status 200): a scan that found something "
                                + "is followed by requests for what it found.").build());
            }
        });
        for (WebRequest r : ledger.shellRequests()) {
            boolean answered = r.status() >= 200 && r.status() < 300;
            out.add(Finding.builder("linux.web.shell_request", answered ? Severity.HIGH : Severity.MEDIUM,
                            answered ? "Request to a web shell, answered" : "Probe for a web shell")
                    .summary(r.source() + " asked " + r.method() + " " + r.path() + " at " + r.time() + ", answered "
                            + r.status() + " (" + r.bytes() + " bytes)")
                    .evidence("source", r.source()).evidence("method", r.method()).evidence("request", r.path())
                    .evidence("status", r.status()).evidence("bytes", r.bytes()).evidence("time", r.time().toString())
                    .evidence("user_agent", r.userAgent().isEmpty() ? null : r.userAgent())
                    .evidence("file", r.file()).evidence("line", r.line()).path(r.file()).attack("T1505.003")
                    .remediation(answered ? "Find the script under the web root (ward triage looks for web shells), keep "
                            + "it as evidence, and follow that address's other requests." : "Nothing was there; block the "
                            + "address if it keeps probing.").build());
        }
    }
}
