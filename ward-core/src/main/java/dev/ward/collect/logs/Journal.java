package dev.ward.collect.logs;

import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.Program;
import dev.ward.model.CollectionError;
import dev.ward.model.LogEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The systemd journal, read by {@code journalctl -o json} (its file format is journald's to read):
 * on the live host every journal the system keeps, on an image the files of its
 * {@code /var/log/journal} (and {@code /run/log/journal}) with {@code --directory}. Entries stream
 * through one at a time. Where no {@code journalctl} is installed on the analyst's machine and the
 * image has a journal, the run says so as a collection error.
 */
final class Journal {
    static final List<HostPath> DIRECTORIES = List.of(HostPath.of("/var/log/journal"), HostPath.of("/run/log/journal"));
    private static final long TIMEOUT = 3600;

    private Journal() {
    }

    /** One journalctl run: what the events name as their file, and the arguments saying which journal. */
    private record Run(String name, List<String> args) {
    }

    static void read(HostRoot root, Consumer<LogEvent> out, Consumer<Rhythm> rhythms, List<CollectionError> errors) {
        List<HostPath> dirs = DIRECTORIES.stream().filter(d -> root.lstatOrEmpty(d).filter(FileStat::isDirectory).isPresent())
                .toList();
        if (dirs.isEmpty() && !root.isLive()) {
            return;
        }
        var journalctl = Program.find("journalctl");
        if (journalctl.isEmpty()) {
            if (!dirs.isEmpty()) {
                errors.add(new CollectionError("logins", dirs.getFirst().display(),
                        "a systemd journal, and no journalctl on this machine to read it (apt-get install systemd)"));
            }
            return;
        }
        List<Run> runs = new ArrayList<>();
        if (root.isLive()) {
            runs.add(new Run("journal", List.of()));
        } else {
            for (HostPath d : dirs) {
                runs.add(new Run(d.display(), List.of("--directory", root.display() + d.display())));
            }
        }
        for (Run run : runs) {
            List<String> args = new ArrayList<>(run.args());
            args.addAll(List.of("-o", "json", "--output-fields=" + JournalEntry.FIELDS, "--all", "--no-pager", "--quiet"));
            Entries entries = new Entries(run.name(), out, new Rhythm(run.name()));
            LineSplitter lines = new LineSplitter();
            try {
                Program.Output o = journalctl.get().stream(args, TIMEOUT, in -> lines.split(in, entries));
                if (o.status() != 0 && entries.count == 0 && !o.stderr().isBlank()) {
                    errors.add(new CollectionError("logins", run.name(), "journalctl: " + o.stderr().strip()));
                }
                rhythms.accept(entries.rhythm);
            } catch (IOException e) {
                errors.add(new CollectionError("logins", run.name(), e.getMessage()));
            }
            if (lines.cut() > 0) {
                errors.add(new CollectionError("logins", run.name(), lines.cutMessage(" of journalctl's output")));
            }
        }
    }

    /** The events of journalctl's lines ({@link JournalEntry}), numbered by entry. */
    static final class Entries implements LogFiles.LineConsumer {
        private final String name;
        private final Consumer<LogEvent> out;
        private final Rhythm rhythm;
        private final LogMessages messages = new LogMessages();
        private long count;

        Entries(String name, Consumer<LogEvent> out, Rhythm rhythm) {
            this.name = name;
            this.out = out;
            this.rhythm = rhythm;
        }

        @Override
        public void accept(String json, long line) {
            JournalEntry.parse(json).ifPresent(l -> {
                count++;
                rhythm.line(l.time(), count);
                messages.events(l, name, count, out);
            });
        }
    }
}
