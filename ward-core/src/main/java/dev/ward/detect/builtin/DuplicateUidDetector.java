package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.AccountEntry;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Two accounts sharing a uid are the same user to the kernel: a second name for an existing
 * account, often to hide logins. uid 0 has its own check (uid0_non_root), so it is left out here.
 */
public final class DuplicateUidDetector implements Detector {
    static final String CHECK = "linux.accounts.duplicate_uid";
    private final AccountsCollector accounts = new AccountsCollector();

    @Override
    public String name() {
        return CHECK;
    }

    @Override
    public void detect(Scan scan, Results out) {
        Map<Long, List<AccountEntry>> byUid = out.take(scan.records(accounts)).stream()
                .collect(Collectors.groupingBy(AccountEntry::uid, TreeMap::new, Collectors.toList()));
        byUid.forEach((uid, group) -> {
            if (uid != 0 && group.size() > 1) {
                out.add(finding(uid, group));
            }
        });
    }

    private static Finding finding(long uid, List<AccountEntry> group) {
        List<String> names = group.stream().map(AccountEntry::name).toList();
        Map<String, Object> lines = new LinkedHashMap<>();
        group.forEach(a -> lines.put(a.name(), a.path().display() + ":" + a.line()));
        return Finding.builder(CHECK, Severity.HIGH, "Several accounts share one uid")
                .summary("uid " + uid + " belongs to " + String.join(", ", names))
                .evidence("uid", uid)
                .evidence("accounts", names)
                .evidence("lines", lines)
                .path(group.getFirst().path().display())
                .attack("T1136.001")
                .remediation("Find out which of these accounts was added last (shadow's last change, the"
                        + " install and auth logs) and lock it with usermod -L, then remove it.")
                .build();
    }
}
