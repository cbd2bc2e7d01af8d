package dev.ward.cli;

import dev.ward.cli.options.ChecksOption;
import dev.ward.detect.checks.Check;
import dev.ward.detect.checks.CheckCatalog;
import dev.ward.detect.checks.Parameter;
import dev.ward.run.Checks;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ward checks list|show}: the checks written as data, for the analyst to read. */
@Command(name = "checks", mixinStandardHelpOptions = true, description = "List the YAML checks, or show one with its description.",
        subcommands = {ChecksCommand.List.class, ChecksCommand.Show.class})
final class ChecksCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Loads the catalog and checks that every source it names exists. */
    static CheckCatalog catalog(ChecksOption option) throws Exception {
        CheckCatalog catalog = option.load();
        Checks.triage(catalog);
        return catalog;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per check: id, severity, source and title.")
    static final class List implements Callable<Integer> {
        @Mixin
        ChecksOption checks;

        @Override
        public Integer call() throws Exception {
            PrintStream out = System.out;
            for (Check c : catalog(checks).all()) {
                out.printf("%-45s %-8s %-12s %s%n", c.id(), c.severity().label(), c.source(), c.title());
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Everything about one check: description, parameters, references.")
    static final class Show implements Callable<Integer> {
        @Mixin
        ChecksOption checks;

        @Parameters(paramLabel = "ID", description = "The check id, e.g. linux.accounts.uid0_non_root.")
        String id;

        @Override
        public Integer call() throws Exception {
            Check c = catalog(checks).byId(id).orElse(null);
            if (c == null) {
                System.err.println("ward: no check with id '" + id + "' (ward checks list shows them)");
                return 66;
            }
            PrintStream out = System.out;
            out.println(c.id() + "  [" + c.severity().label() + "]  " + c.title());
            out.println("source: " + c.source() + "   defined in: " + c.file());
            if (!c.attack().isEmpty()) {
                out.println("ATT&CK: " + String.join(", ", c.attack()));
            }
            out.println();
            out.println(c.description().strip());
            if (!c.parameters().isEmpty()) {
                out.println();
                out.println("Parameters:");
                for (Parameter p : c.parameters().values()) {
                    out.println("  " + p.name() + " (" + p.type().label() + ") = " + p.value() + "   " + p.description());
                }
            }
            out.println();
            out.println("Remediation: " + c.remediation().strip());
            for (String ref : c.references()) {
                out.println("See: " + ref);
            }
            return 0;
        }
    }
}
