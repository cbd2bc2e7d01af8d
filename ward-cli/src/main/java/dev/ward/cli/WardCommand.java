package dev.ward.cli;

import dev.ward.Ward;
import dev.ward.report.ExitStatus;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level command: a bare {@code ward} prints usage. */
@Command(name = "ward",
        mixinStandardHelpOptions = true,
        versionProvider = WardCommand.Version.class,
        description = "Detects and removes malicious code on Linux hosts.",
        subcommands = {
            TriageCommand.class,
            PackagesCommand.class,
            ChangedCommand.class,
            LogsCommand.class,
            ChecksCommand.class,
            BaselineCommand.class,
            KeyCommand.class,
            CommandLine.HelpCommand.class,
            AutoComplete.GenerateCompletion.class,
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            " 0:nothing found",
            " 1:something added (baseline)",
            " 2:something removed (baseline)",
            " 4:something changed (baseline)",
            " 8:a finding at or above --min-severity",
            "16:added to the above when the run was incomplete",
            "64:usage error",
            "65:bad input data",
            "66:input missing",
            "70:internal error",
            "74:I/O error",
        })
public final class WardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: exit codes and error handling in one place. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new WardCommand());
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        cl.setExitCodeExceptionMapper(Errors::exitCode);
        cl.setExecutionExceptionHandler(Errors::handleExecution);
        cl.setParameterExceptionHandler(Errors::handleParameter);
        cl.getCommandSpec().exitCodeOnUsageHelp(ExitStatus.OK);
        return cl;
    }

    /** Prints the version stamped at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"ward " + Ward.version()};
        }
    }
}
