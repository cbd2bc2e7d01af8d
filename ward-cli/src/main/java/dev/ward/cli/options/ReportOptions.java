package dev.ward.cli.options;

import dev.ward.host.TargetFile;
import dev.ward.model.Severity;
import dev.ward.report.ExitStatus;
import dev.ward.report.Format;
import dev.ward.report.Report;
import dev.ward.report.Reporter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format}, {@code --output}, {@code --min-severity}, {@code -q}, {@code -v}: how a report leaves ward. */
public final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class,
            description = "Report format: text, json, ndjson (Elastic Common Schema) or html. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (replaced whole, never half-written; a device or FIFO is written into; "
                    + "a symlink another user could have planted is refused) instead of standard output.")
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
            toStandardOutput(report, stdout);
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

    /**
     * The report on standard output. A PrintStream swallows a failed write (a full disk, a reader
     * gone), which would lose the report with a status that says nothing of it: it is an I/O error
     * (exit 74) instead.
     */
    private void toStandardOutput(Report report, PrintStream stdout) throws IOException {
        reporter(stdout == System.out && interactive()).write(report, stdout);
        stdout.flush();
        if (stdout.checkError()) {
            throw new IOException("standard output: the report could not be written (a full disk, or the reader gone)");
        }
    }

    private Reporter reporter(boolean tty) {
        return format.reporter(tty, width());
    }

    private void writeAtomically(Report report, Path target) throws IOException {
        try (TargetFile file = TargetFile.of(target)) {
            file.replace(out -> reporter(false).write(report, out));
        }
    }

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
