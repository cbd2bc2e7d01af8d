package dev.ward.model;

import java.time.Instant;
import java.util.List;

/**
 * A file the system runs or sources at some event: {@code /etc/rc.local}, an init script, an
 * update-motd script, a shell start-up file. Only its command lines are kept.
 *
 * @param kind        {@code rc.local}, {@code init.d}, {@code motd}, {@code shell} or {@code autostart}
 *                    (an XDG autostart entry: its commands are its {@code Exec=} lines)
 * @param commands    lines that are neither blank nor comments, with their line numbers
 * @param packageName the package that installed it, or null
 * @param mode        permission bits; run-parts and update-motd skip files that are not executable
 */
public record ScriptFile(String path, String kind, List<Line> commands, String packageName, Instant mtime,
                         int mode) {

    public record Line(int line, String text) {
    }

    public ScriptFile {
        commands = List.copyOf(commands);
    }
}
