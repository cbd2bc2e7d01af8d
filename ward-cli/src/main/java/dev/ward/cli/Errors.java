package dev.ward.cli;

import dev.ward.detect.checks.CheckFormatException;
import dev.ward.host.HostException;
import dev.ward.rules.RuleFormatException;
import dev.ward.run.BaselineRun;
import dev.ward.report.ExitStatus;
import java.io.IOException;
import java.io.PrintWriter;
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
        // A check or rule file that cannot be used (the message names file:line), or a baseline
        // edited after it was signed.
        if (e instanceof CheckFormatException || e instanceof RuleFormatException || e instanceof BaselineRun.Refused) {
            return ExitStatus.DATA_ERROR;
        }
        if (e instanceof NoSuchFileException || (e instanceof HostException h && h.isMissing())) {
            return ExitStatus.NO_INPUT;
        }
        if (e instanceof IOException) {
            return ExitStatus.IO_ERROR;
        }
        return ExitStatus.INTERNAL;
    }

    static int handleExecution(Exception e, CommandLine cl, ParseResult parsed) {
        PrintWriter err = cl.getErr();
        int code = exitCode(e);
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof NoSuchFileException) {
            message = e.getMessage() + ": no such file or directory";
        }
        err.println("ward: " + (code == ExitStatus.INTERNAL ? "internal error: " + e : message));
        if (verbose(parsed)) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static int handleParameter(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("ward: " + e.getMessage());
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return ExitStatus.USAGE;
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("-v")) {
                return true;
            }
        }
        return false;
    }
}
