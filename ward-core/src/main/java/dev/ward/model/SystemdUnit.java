package dev.ward.model;

import java.time.Instant;
import java.util.List;

/**
 * A systemd unit file (or drop-in) and whether something enables it.
 *
 * @param path        the file read, after following alias symlinks inside the root
 * @param name        the unit name, e.g. {@code ssh.service}
 * @param scope       {@code system} or {@code user}
 * @param enabledBy   the {@code *.wants}/{@code *.requires} links, or the enabled units and
 *                    targets whose dependencies, timers, paths or sockets start it; empty
 *                    when nothing does
 * @param execs       the Exec* commands of [Service], prefixes stripped
 * @param timers      the [Timer] settings ({@code OnCalendar=...}), as written
 * @param packageName the package that installed the file, or null
 */
public record SystemdUnit(String path, String name, String scope, List<String> enabledBy, List<Exec> execs,
                          List<String> timers, String packageName, Instant mtime) {

    /** One Exec line: {@code key} is e.g. ExecStart, {@code command} has no {@code -@:+!} prefix. */
    public record Exec(int line, String key, String command) {
    }

    public SystemdUnit {
        enabledBy = List.copyOf(enabledBy);
        execs = List.copyOf(execs);
        timers = List.copyOf(timers);
    }

    public boolean enabled() {
        return !enabledBy.isEmpty();
    }

    /** A {@code NAME.d/*.conf} drop-in: {@code name} is the unit it changes. Unit files never end in .conf. */
    public boolean dropIn() {
        return path.endsWith(".conf");
    }
}
