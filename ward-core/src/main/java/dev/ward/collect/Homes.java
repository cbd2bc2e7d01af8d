package dev.ward.collect;

import dev.ward.host.HostPath;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Home directories named in {@code /etc/passwd}, for the per-user start-up files and units.
 * Pure: a line without seven colon-separated fields, or with a relative home, is skipped, and
 * homes shared by several accounts ("/" for daemons, "/nonexistent") are listed once.
 */
public final class Homes {
    private Homes() {
    }

    public static List<HostPath> parse(String passwd) {
        Set<HostPath> homes = new LinkedHashSet<>();
        for (String line : passwd.split("\n")) {
            String[] f = line.split(":", -1);
            if (f.length < 7 || !f[5].startsWith("/")) {
                continue;
            }
            HostPath home = HostPath.of(f[5]);
            if (!home.isRoot()) {
                homes.add(home);
            }
        }
        return new ArrayList<>(homes);
    }

    /** The homes of a scan's root; empty without a readable passwd file. */
    public static List<HostPath> of(HostFiles files) {
        return files.text(HostPath.of("/etc/passwd")).map(Homes::parse).orElse(List.of());
    }
}
