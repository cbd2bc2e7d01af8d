package dev.ward.cli.options;

import dev.ward.model.Severity;
import dev.ward.report.ExitStatus;
import dev.ward.report.Format;
import dev.ward.report.Report;
import dev.ward.report.Reporter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine.Option;

/** {@code --format}, {@code --output}, {@code --min-severity}, {@code -q}, {@code -v}: how a report leaves ward. */
public final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class,
            description = "Report format: text, json, ndjson (Elastic Common Schema) or html. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (replaced whole, never half-written; a device or FIFO is written into) "
                    + "instead of standard output.")
    Path output;

    @Option(names = "--min-severity", paramLabel = "LEVEL", defaultValue = "low",
            converter = SeverityConverter.class,
            description = "Report findings at or above LEVEL (info, low, medium, high, critical); "
                    + "exit bit 8 is set when one is found. Default: ${DEFAULT-VALUE}.")
    Severity minSeverity;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but the report (no note on standard error of where it went).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, description = "Say more on standard error: the run's statistics, and stack traces of internal errors.")
    boolean verbose;

    public boolean quiet() {
        return quiet;
    }

    /** Writes the report where asked and returns the exit status of the run. */
    public int emit(Report full, PrintStream stdout) throws IOException {
        Report report = full.atLeast(minSeverity);
        if (output == null) {
            reporter(stdout == System.out && interactive()).write(report, stdout);
            stdout.flush();
        } else {
            writeAtomically(report, output);
            if (!quiet) {
                System.err.printf("ward: %s: %d findings at or above %s, %d collection errors%n",
                        output, report.findings().size(), minSeverity.label(), report.errors().size());
            }
        }
        if (verbose) {
            System.err.println("ward: " + report.stats());
        }
        return ExitStatus.of(report, minSeverity);
    }

    private Reporter reporter(boolean tty) {
        return format.reporter(tty, width());
    }

    private void writeAtomically(Report report, Path target) throws IOException {
        replace(target, out -> reporter(false).write(report, out));
    }

    /** What a file is written with. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes beside the target and renames over it, so a reader never sees half a file. A symlink
     * to a file is written through (the file it leads to is replaced, the link kept); a target that
     * is not a regular file (/dev/null, a FIFO, a terminal) is written into, never replaced.
     */
    public static void replace(Path target, Content content) throws IOException {
        boolean exists = Files.exists(target);
        if (exists && !Files.isRegularFile(target)) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                content.write(out);
            }
            return;
        }
        Path file = exists ? target.toRealPath() : target;
        Path tmp = partFile(file);
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                content.write(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file beside {@code file} for this process to write, mode 0600, made exclusively
     * (never a file or a link already there). Named by the process's id: the random names of
     * {@code Files.createTempFile} cost each run a fiftieth of a second to seed their generator.
     */
    private static Path partFile(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        String name = "." + file.getFileName() + "." + ProcessHandle.current().pid();
        for (int n = 0; ; n++) {
            try {
                return Files.createFile(dir.resolve(name + (n == 0 ? "" : "-" + n) + ".part"), OWNER_ONLY);
            } catch (FileAlreadyExistsException e) {
                if (n == 99) {
                    throw e;
                }
            }
        }
    }

    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    /** Colour only for a person at a terminal, and never when NO_COLOR is set. */
    private static boolean interactive() {
        java.io.Console console = System.console();
        return console != null && console.isTerminal() && System.getenv("NO_COLOR") == null
                && !"dumb".equals(System.getenv("TERM"));
    }

    private static int width() {
        try {
            int columns = Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "80"));
            return Math.max(60, Math.min(columns, 160));
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            return Format.parse(value);
        }
    }

    static final class SeverityConverter implements picocli.CommandLine.ITypeConverter<Severity> {
        @Override
        public Severity convert(String value) {
            return Severity.parse(value);
        }
    }
}
