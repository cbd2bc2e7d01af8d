package dev.ward.cli.options;

import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --root DIR}: inspect a mounted image instead of the live host. */
public final class RootOption {
    @Option(names = "--root", paramLabel = "DIR",
            description = "Inspect the system mounted at DIR (an image or a copy) instead of the live host; "
                    + "a name ward printed escaped (\\xNN) is read back to its bytes.")
    String root;

    public HostRoot open() throws HostException {
        if (root == null) {
            return HostRoot.live();
        }
        byte[] dir = HostPath.unescape(root);
        if (dir.length == 0 || dir[0] != '/') {
            dir = HostPath.of(Path.of("").toAbsolutePath().toString()).resolve(root).bytes();
        }
        return HostRoot.open(HostPath.ofBytes(dir));
    }

    /** A path given on the command line as one inside the root: "/etc" or "etc", escapes read back to bytes. */
    public static HostPath inRoot(String path) {
        return HostPath.parse(path.startsWith("/") ? path : "/" + path);
    }

    public boolean isLive() {
        return root == null;
    }
}
