package dev.ward.cli;

import dev.ward.Ward;
import dev.ward.report.ExitStatus;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level command: a bare {@code ward} prints usage. Its subcommands are added when the
 * command line is made, and only the one named when a command is named: picocli builds each
 * command's model by reflection over its annotations, a tenth of a second or more of every run for
 * commands that will not run.
 */
@Command(name = "ward",
        mixinStandardHelpOptions = true,
        versionProvider = WardCommand.Version.class,
        description = "Detects and removes malicious code on Linux hosts.",
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
            "73:an output file refused (a link another user could have planted) or not made",
            "74:I/O error",
            "75:another ward is writing the same baseline",
        })
public final class WardCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The subcommands' names, in the order usage lists them. */
    private static final List<String> SUBCOMMANDS = List.of("triage", "packages", "changed", "logs", "procs", "net", "traffic", "checks", "baseline",
            "key", "help", "generate-completion", AotTrainCommand.NAME);

    /** A new subcommand. */
    private static Object subcommand(String name) {
        return switch (name) {
            case "triage" -> new TriageCommand();
            case "packages" -> new PackagesCommand();
            case "changed" -> new ChangedCommand();
            case "logs" -> new LogsCommand();
            case "procs" -> new ProcsCommand();
            case "net" -> new NetCommand();
            case "traffic" -> new TrafficCommand();
            case "checks" -> new ChecksCommand();
            case "baseline" -> new BaselineCommand();
            case "key" -> new KeyCommand();
            case "help" -> new CommandLine.HelpCommand();
            case "generate-completion" -> new AutoComplete.GenerateCompletion();
            case AotTrainCommand.NAME -> new AotTrainCommand();
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** The configured command line with every subcommand: exit codes and error handling in one place. */
    static CommandLine commandLine() {
        return commandLine("");
    }

    /**
     * The command line for {@code args}: with only the subcommand its first word names, or with all
     * of them (no command named, an option, help, completion, a mistyped name).
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new WardCommand());
        String first = args.length > 0 ? args[0] : "";
        boolean one = SUBCOMMANDS.contains(first) && !first.equals("help") && !first.equals("generate-completion");
        for (String name : SUBCOMMANDS) {
            if (!one || name.equals(first)) {
                cl.addSubcommand(name, subcommand(name));
            }
        }
        if (!one) {
            cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        }
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
