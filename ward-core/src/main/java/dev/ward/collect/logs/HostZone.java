package dev.ward.collect.logs;

import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The inspected host's time zone, in which its syslog writes traditional timestamps: the target of
 * {@code /etc/localtime} ({@code ../usr/share/zoneinfo/Europe/Berlin}), else {@code /etc/timezone},
 * else UTC.
 */
public final class HostZone {
    private HostZone() {
    }

    public static ZoneId of(HostRoot root) {
        return fromLink(root).or(() -> fromFile(root)).orElse(ZoneOffset.UTC);
    }

    private static Optional<ZoneId> fromLink(HostRoot root) {
        try {
            return root.readlink(HostPath.of("/etc/localtime")).map(b -> new String(b, StandardCharsets.UTF_8))
                    .filter(t -> t.contains("zoneinfo/")).flatMap(t -> zone(t.substring(t.indexOf("zoneinfo/") + 9)));
        } catch (HostException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> fromFile(HostRoot root) {
        try {
            return root.readText(HostPath.of("/etc/timezone")).flatMap(t -> zone(t.strip()));
        } catch (HostException e) {
            return Optional.empty();
        }
    }

    private static Optional<ZoneId> zone(String name) {
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
