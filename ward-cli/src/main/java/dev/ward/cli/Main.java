package dev.ward.cli;

import picocli.CommandLine;

/** The {@code ward} executable: runs one command and exits with its status (see ExitStatus). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs ward as the command line would, without exiting; tests call this. */
    public static int run(String... args) {
        return WardCommand.commandLine(args).execute(args);
    }
}
