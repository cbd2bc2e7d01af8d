package dev.ward.collect.udev;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.UdevRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The programs of every {@code *.rules} file in udev's rule directories: {@code /etc/udev/rules.d},
 * {@code /run/udev/rules.d}, {@code /usr/lib/udev/rules.d} and {@code /lib/udev/rules.d}. A name in
 * /etc masks the same name in /usr/lib, but both are read: the masked one is harmless, the masking one is what runs.
 */
public final class UdevCollector implements Collector<UdevRule> {
    static final List<String> DIRS = List.of("/etc/udev/rules.d", "/run/udev/rules.d", "/usr/lib/udev/rules.d",
            "/lib/udev/rules.d");

    @Override
    public String source() {
        return "udev";
    }

    @Override
    public Class<UdevRule> type() {
        return UdevRule.class;
    }

    @Override
    public CollectResult<UdevRule> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, source(), errors);
        List<UdevRule> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String dir : DIRS) {
            for (HostPath p : files.files(HostPath.of(dir))) {
                var st = files.stat(p).orElse(null);
                if (!p.name().endsWith(".rules") || st == null || !seen.add(st.device() + ":" + st.inode())) {
                    continue; // on merged /usr, /lib/udev is /usr/lib/udev: read each file once
                }
                String owner = files.owner(p);
                files.text(p).ifPresent(text -> UdevParser.parse(text).forEach(
                        r -> out.add(new UdevRule(p.display(), r.line(), r.key(), r.program(), owner))));
            }
        }
        return new CollectResult<>(out, errors);
    }
}
