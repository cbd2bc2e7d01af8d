package dev.ward.collect.logs;

import dev.ward.host.HostPath;
import dev.ward.model.AdminEvent;
import dev.ward.model.LogEvent;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * apt's {@code /var/log/apt/history.log}: a block a run, whose command line and the user who asked
 * for it (through sudo) dpkg's own log does not hold:
 * <pre>
 * Start-Date: 2019-07-11  12:20:55
 * Commandline: apt-get -y install python-pip git tmux
 * Requested-By: jxs (1005)
 * Install: ...
 * End-Date: 2019-07-11  12:21:28
 * </pre>
 * Each block is one {@link AdminEvent.Kind#PACKAGE_COMMAND} at its start, with its line; a block
 * cut short (apt killed, the log truncated) still counts.
 */
final class AptHistory {
    static final HostPath LOG = HostPath.of("/var/log/apt/history.log");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd  HH:mm:ss", Locale.ROOT);

    private AptHistory() {
    }

    static void read(LogFiles logs, HostPath file, ZoneId zone, Consumer<LogEvent> out) {
        Block[] block = {null};
        logs.read(file, st -> (line, number) -> {
            if (line.startsWith("Start-Date: ")) {
                emit(block[0], out);
                block[0] = null;
                try {
                    block[0] = new Block(LocalDateTime.parse(line.substring(12).strip().replaceFirst(" +", "  "), TIME)
                            .atZone(zone).toInstant(), file.display(), number);
                } catch (DateTimeException e) {
                    // a block whose start cannot be read is left out
                }
            } else if (block[0] != null && line.startsWith("Commandline: ")) {
                block[0].command = line.substring(13).strip();
            } else if (block[0] != null && line.startsWith("Requested-By: ")) {
                String by = line.substring(14).strip();
                block[0].user = by.contains(" (") ? by.substring(0, by.indexOf(" (")) : by;
            } else if (line.startsWith("End-Date: ")) {
                emit(block[0], out);
                block[0] = null;
            }
        });
        emit(block[0], out);
    }

    private static final class Block {
        final java.time.Instant start;
        final String file;
        final long line;
        String command = "";
        String user = "";

        Block(java.time.Instant start, String file, long line) {
            this.start = start;
            this.file = file;
            this.line = line;
        }
    }

    private static void emit(Block b, Consumer<LogEvent> out) {
        if (b != null && !b.command.isEmpty()) {
            out.accept(new AdminEvent(b.start, "", "apt", AdminEvent.Kind.PACKAGE_COMMAND, b.user, "", b.command, b.file,
                    b.line));
        }
    }
}
