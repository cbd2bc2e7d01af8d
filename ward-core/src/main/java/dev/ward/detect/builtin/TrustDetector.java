package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.ssh.SshdConfig;
import dev.ward.collect.ssh.SshdDirective;
import dev.ward.collect.trust.TrustCollector;
import dev.ward.collect.trust.TrustCollector.TrustFile;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.TrustEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host-based trust (rsh, rlogin, ssh HostbasedAuthentication): one finding per file and check.
 * A '+' host, '+' user or netgroup trusts machines or people the file does not name: critical.
 * Any other allowing line is still password-less access nobody should need today: medium. An empty
 * trust file is a leftover or a placeholder for later: low. Deny lines ({@code -host}) grant nothing.
 */
public final class TrustDetector implements Detector {
    static final String WILDCARD = "linux.trust.wildcard";
    static final String ENTRY = "linux.trust.entry";
    static final String EMPTY = "linux.trust.empty_file";

    @Override
    public String name() {
        return "trust";
    }

    @Override
    public void detect(Scan scan, Results out) {
        List<TrustEntry> entries = out.take(scan.records(new TrustCollector()));
        Map<String, Object> sshd = sshd(scan);
        Map<String, List<TrustEntry>> wild = new LinkedHashMap<>();
        Map<String, List<TrustEntry>> plain = new LinkedHashMap<>();
        for (TrustEntry e : entries) {
            if (e.wildcard()) {
                wild.computeIfAbsent(e.path(), k -> new ArrayList<>()).add(e);
            } else if (!e.negated()) {
                plain.computeIfAbsent(e.path(), k -> new ArrayList<>()).add(e);
            }
        }
        wild.forEach((path, list) -> out.add(finding(scan, WILDCARD, Severity.CRITICAL,
                "Host-based trust open to any host or user", list, sshd)));
        plain.forEach((path, list) -> out.add(finding(scan, ENTRY, Severity.MEDIUM,
                "Host-based trust entry", list, sshd)));
        List<CollectionError> errors = new ArrayList<>();
        for (TrustFile f : TrustCollector.files(scan, errors)) {
            String path = f.path().display();
            if (entries.stream().noneMatch(e -> e.path().equals(path))) {
                out.add(empty(scan, f, sshd));
            }
        }
        errors.forEach(out::error);
    }

    private static Finding finding(Scan scan, String check, Severity sev, String title,
                                   List<TrustEntry> list, Map<String, Object> sshd) {
        TrustEntry first = list.get(0);
        List<Map<String, Object>> lines = list.stream().map(e -> Evidence.map(
                "line", e.line(), "text", e.text(), "host", e.host(), "user", e.user())).toList();
        return Finding.builder(check, sev, title)
                .summary(first.path() + " lets " + describe(first) + " log in without a password"
                        + (list.size() > 1 ? " (and " + (list.size() - 1) + " more lines)" : ""))
                .evidence("path", first.path())
                .evidence("account", first.account().isEmpty() ? "(all accounts)" : first.account())
                .evidence("lines", lines)
                .evidence("file_mtime", first.fileMtime().toString())
                .evidence("package", Evidence.owner(scan, HostPath.parse(first.path())))
                .evidence("sshd", sshd)
                .path(first.path())
                .attack("T1098", "T1021")
                .remediation("Remove the file (or the entries) unless rsh/rlogin trust is really needed, "
                        + "find who wrote it, and keep HostbasedAuthentication off and IgnoreRhosts on in sshd.")
                .build();
    }

    private static String describe(TrustEntry e) {
        String host = e.host().equals("+") ? "any host" : e.host();
        String user = e.user().isEmpty() ? "the same user name" : e.user().equals("+") ? "any user" : "user " + e.user();
        return user + " from " + host;
    }

    private static Finding empty(Scan scan, TrustFile f, Map<String, Object> sshd) {
        return Finding.builder(EMPTY, Severity.LOW, "Empty host-based trust file")
                .summary(f.path().display() + " exists but trusts no one yet")
                .evidence("path", f.path().display())
                .evidence("account", f.account().isEmpty() ? "(all accounts)" : f.account())
                .evidence("file", Evidence.file(f.stat()))
                .evidence("package", Evidence.owner(scan, f.path()))
                .evidence("sshd", sshd)
                .path(f.path().display())
                .attack("T1098")
                .remediation("Remove it unless something documented needs it; an empty file is ready to be filled.")
                .build();
    }

    /** Whether sshd itself would honour these files: HostbasedAuthentication yes, IgnoreRhosts no. */
    private static Map<String, Object> sshd(Scan scan) {
        SshdConfig c = scan.once(SshdConfig.class, SshdConfig::read);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("config_present", c.present());
        m.put("HostbasedAuthentication", c.global("hostbasedauthentication").map(SshdDirective::first).orElse("no (default)"));
        m.put("IgnoreRhosts", c.global("ignorerhosts").map(SshdDirective::first).orElse("yes (default)"));
        return m;
    }
}
