package dev.ward.cli;

import dev.ward.baseline.BaselineException;
import dev.ward.detect.checks.CheckFormatException;
import dev.ward.host.HostException;
import dev.ward.host.InputFile;
import dev.ward.host.TargetFile;
import dev.ward.rules.RuleFormatException;
import dev.ward.run.BaselineRun;
import dev.ward.report.ExitStatus;
import dev.ward.report.Printable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How ward fails: one line on standard error naming what went wrong, and a documented exit status.
 * Users never see a stack trace unless they ask with {@code -v}.
 */
final class Errors {
    private Errors() {
    }

    static int exitCode(Throwable e) {
        if (e instanceof UncheckedIOException u) {
            return exitCode(u.getCause());
        }
        // A check or rule file that cannot be used (the message names file:line), or a baseline
        // edited after it was signed.
        if (e instanceof CheckFormatException || e instanceof RuleFormatException || e instanceof BaselineRun.Refused
                || e instanceof InputFile.Unusable
                || e instanceof BaselineException b && b.kind() == BaselineException.Kind.DAMAGED) {
            return ExitStatus.DATA_ERROR;
        }
        if (e instanceof TargetFile.Refused) {
            return ExitStatus.CANT_CREATE;
        }
        if (e instanceof TargetFile.Busy) {
            return ExitStatus.TEMP_FAIL;
        }
        if (e instanceof NoSuchFileException || (e instanceof HostException h && h.isMissing())
                || e instanceof BaselineException b && b.kind() == BaselineException.Kind.MISSING) {
            return ExitStatus.NO_INPUT;
        }
        if (e instanceof IOException) {
            return ExitStatus.IO_ERROR;
        }
        return ExitStatus.INTERNAL;
    }

    static int handleExecution(Exception thrown, CommandLine cl, ParseResult parsed) {
        Exception e = thrown instanceof UncheckedIOException u ? u.getCause() : thrown;
        PrintWriter err = cl.getErr();
        int code = exitCode(e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof NoSuchFileException) {
            message = e.getMessage() + ": no such file or directory";
        }
        err.println("ward: " + brief(code == ExitStatus.INTERNAL ? "internal error: " + e : message));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int handleParameter(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("ward: " + brief(e.getMessage()));
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitStatus.USAGE;
    }

    /**
     * One short line that is safe on a terminal: a message can carry a file name an attacker chose,
     * with escape sequences or newlines (escaped, as reports escape them), or a path of thousands of
     * bytes (its middle left out).
     */
    static String brief(String message) {
        String line = Printable.line(message);
        return line.length() <= MAX_LINE ? line
                : line.substring(0, MAX_LINE / 2) + "..." + line.substring(line.length() - MAX_LINE / 2);
    }

    private static final int MAX_LINE = 400;

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("-v")) {
                return true;
            }
        }
        return false;
    }
}
