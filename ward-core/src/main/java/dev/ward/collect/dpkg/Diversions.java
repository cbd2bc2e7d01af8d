package dev.ward.collect.dpkg;

import dev.ward.host.HostPath;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * dpkg's diversions ({@code /var/lib/dpkg/diversions}): a package's file installed under another
 * name so that a second package can put its own at the original path ({@code dpkg-divert}). The
 * file holds three lines a diversion: the diverted path, where it was diverted to, and the
 * package that asked, or {@code :} for a local diversion made by the administrator.
 */
final class Diversions {
    record Diversion(HostPath to, String by) {
    }

    private final Map<HostPath, Diversion> byPath;
    private final Set<HostPath> targets;

    private Diversions(Map<HostPath, Diversion> byPath) {
        this.byPath = byPath;
        this.targets = byPath.values().stream().map(Diversion::to).collect(Collectors.toSet());
    }

    static final Diversions NONE = new Diversions(Map.of());

    /** Pure; a trailing incomplete triple is ignored. Names keep their bytes (ISO-8859-1 text). */
    static Diversions parse(String text) {
        String[] lines = text.split("\n");
        Map<HostPath, Diversion> out = new HashMap<>();
        for (int i = 0; i + 2 < lines.length; i += 3) {
            out.put(path(lines[i]), new Diversion(path(lines[i + 1]), lines[i + 2]));
        }
        return new Diversions(out);
    }

    private static HostPath path(String latin1) {
        return HostPath.ofBytes(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /**
     * Where the file {@code pkg} lists as {@code listed} is on disk: the diverted-to path when
     * another package (or the administrator) diverted it, the path itself otherwise.
     */
    HostPath onDisk(HostPath listed, String pkg) {
        Diversion d = byPath.get(listed);
        return d == null || d.by().equals(pkg) ? listed : d.to();
    }

    /** Whether a package's file was diverted to this path: it is that package's, though no list holds it. */
    boolean isTarget(HostPath path) {
        return targets.contains(path);
    }

    int size() {
        return byPath.size();
    }
}
