package dev.ward.cli;

import dev.ward.baseline.KeyFiles;
import dev.ward.baseline.ProgressListener;
import dev.ward.cli.options.Durations;
import dev.ward.cli.options.ReportOptions;
import dev.ward.cli.options.RootOption;
import dev.ward.host.HostRoot;
import dev.ward.report.Report;
import dev.ward.rules.RuleSet;
import dev.ward.run.BaselineRun;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.InstantSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ward baseline init|check|update}: file integrity baselines with AIDE-style rules. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "File integrity baselines: record what the rules select, then compare.",
        subcommands = {BaselineCommand.Init.class, BaselineCommand.Check.class, BaselineCommand.Update.class})
final class BaselineCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every baseline verb takes. */
    static final class Common {
        @Option(names = "--config", paramLabel = "FILE",
                description = "Rules in AIDE's language (docs/rules.md). Default: the built-in rules for a Debian host.")
        Path config;

        @Option(names = "--db", paramLabel = "FILE", required = true, description = "The baseline file.")
        Path db;

        @Mixin
        RootOption root;

        @Mixin
        ReportOptions report;

        RuleSet rules(String host) throws Exception {
            return config == null ? RuleSet.debianDefault(host) : RuleSet.load(config, host);
        }

        int run(Verb verb) throws Exception {
            try (HostRoot host = root.open()) {
                RuleSet rules = rules(hostName());
                rules.notes().forEach(n -> note("ward: " + n));
                ProgressListener progress = progress();
                BaselineRun run = new BaselineRun(host, rules, InstantSource.system(), progress);
                Report result = verb.run(run);
                if (progress != ProgressListener.NONE) {
                    System.err.print("\r\033[K");
                }
                run.warnings().forEach(w -> System.err.println("warning: " + w));
                return report.emit(result, System.out);
            }
        }

        private void note(String text) {
            if (!report.quiet()) {
                System.err.println(text);
            }
        }

        private static String hostName() {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "localhost";
            }
        }

        private ProgressListener progress() {
            return report.quiet() || System.console() == null || !System.console().isTerminal()
                    ? ProgressListener.NONE : new ProgressBar();
        }
    }

    interface Verb {
        Report run(BaselineRun run) throws Exception;
    }

    @Command(name = "init", mixinStandardHelpOptions = true, description = "Record a new baseline of what the rules select.")
    static final class Init implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--sign-key", paramLabel = "KEY", description = "Sign with KEY (and KEY.pub), made by ward key generate.")
        Path signKey;

        @Override
        public Integer call() throws Exception {
            KeyPair key = signKey == null ? null : KeyFiles.readPair(signKey, pub(signKey));
            return common.run(run -> run.init(common.db, key));
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compare the tree with the baseline: added, removed and changed entries (exit bits 1, 2, 4).")
    static final class Check implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--verify-key", paramLabel = "KEY.pub",
                description = "Refuse a baseline that this public key did not sign, or that was edited since.")
        Path verifyKey;

        @Option(names = "--trust-ctime",
                description = "Re-hash only files whose size, mtime, ctime or inode changed (docs/baselines.md says what this trusts).")
        boolean trustCtime;

        @Mixin
        MaxAge maxAge;

        @Override
        public Integer call() throws Exception {
            PublicKey key = verifyKey == null ? null : KeyFiles.readPublic(verifyKey);
            return common.run(run -> run.check(common.db, key, trustCtime, maxAge.get()));
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = "Check and, in the same scan, write the current tree as the new baseline; the report lists what was accepted.")
    static final class Update implements Callable<Integer> {
        @Mixin
        Common common;

        @Option(names = "--verify-key", paramLabel = "KEY.pub", description = "Refuse to update a baseline this key did not sign.")
        Path verifyKey;

        @Option(names = "--sign-key", paramLabel = "KEY", description = "Sign the new baseline with KEY (and KEY.pub).")
        Path signKey;

        @Option(names = "--trust-ctime",
                description = "Re-hash only files whose size, mtime, ctime or inode changed (docs/baselines.md says what this trusts).")
        boolean trustCtime;

        @Mixin
        MaxAge maxAge;

        @Override
        public Integer call() throws Exception {
            PublicKey check = verifyKey == null ? null : KeyFiles.readPublic(verifyKey);
            KeyPair sign = signKey == null ? null : KeyFiles.readPair(signKey, pub(signKey));
            return common.run(run -> run.update(common.db, check, sign, trustCtime, maxAge.get()));
        }
    }

    /** {@code --max-age}: how old a baseline may be before a check says it may be an old copy put back. */
    static final class MaxAge {
        @Option(names = "--max-age", paramLabel = "DURATION", defaultValue = "90d",
                description = "Warn when the baseline was made longer ago than DURATION (a replayed old copy passes "
                        + "every signature check); 0 for never. Default: ${DEFAULT-VALUE}.")
        String value;

        @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
        picocli.CommandLine.Model.CommandSpec spec;

        java.time.Duration get() {
            java.time.Duration d = Durations.parse(spec, "--max-age", value);
            return d.isZero() ? null : d;
        }
    }

    static Path pub(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }
}
