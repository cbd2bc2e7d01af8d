package dev.ward.cli;

import dev.ward.baseline.KeyFiles;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ward key generate KEY}: an Ed25519 pair for signing baselines. */
@Command(name = "key", mixinStandardHelpOptions = true, description = "Keys that sign baselines.",
        subcommands = KeyCommand.Generate.class)
final class KeyCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write an Ed25519 private key to KEY (mode 0600) and its public key to KEY.pub; never overwrites.")
    static final class Generate implements Callable<Integer> {
        @Parameters(paramLabel = "KEY", description = "Where the private key goes; keep it off the host it protects.")
        Path key;

        @Override
        public Integer call() throws Exception {
            KeyPair pair = KeyFiles.generate(key, BaselineCommand.pub(key));
            System.out.println(BaselineCommand.pub(key) + " " + KeyFiles.fingerprint(pair.getPublic()));
            return 0;
        }
    }
}
