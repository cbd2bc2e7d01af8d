package dev.ward.cli.options;

import dev.ward.host.HostException;
import dev.ward.host.HostRoot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --root DIR}: inspect a mounted image instead of the live host. */
public final class RootOption {
    @Option(names = "--root", paramLabel = "DIR",
            description = "Inspect the system mounted at DIR (an image or a copy) instead of the live host.")
    Path root;

    public HostRoot open() throws HostException {
        return root == null ? HostRoot.live() : HostRoot.open(root);
    }

    public boolean isLive() {
        return root == null;
    }
}
