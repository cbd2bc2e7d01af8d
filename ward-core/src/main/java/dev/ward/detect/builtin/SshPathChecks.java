package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.ssh.AuthorizedKeysCollector;
import dev.ward.collect.ssh.AuthorizedKeysCollector.KeyFile;
import dev.ward.collect.ssh.SshdConfig;
import dev.ward.detect.Results;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * World-writable keys files and the directories that hold them: anyone on the host can add a key.
 * (sshd's StrictModes refuses such files, but a host with StrictModes off takes them, and the mode
 * alone says someone loosened it.) A sticky directory like /tmp is not writable in that sense.
 */
final class SshPathChecks {
    static final String WRITABLE = "linux.ssh.writable_key_path";

    private SshPathChecks() {
    }

    static void writable(Scan scan, SshdConfig config, Results out) {
        List<CollectionError> errors = new ArrayList<>();
        Set<HostPath> dirs = new LinkedHashSet<>();
        for (KeyFile f : AuthorizedKeysCollector.files(scan, config, errors)) {
            f.stat().filter(FileStat::worldWritable)
                    .ifPresent(st -> out.add(finding(f.path(), "keys file", f.account().name(), st)));
            if (f.stat().isPresent() || f.path().parent().name().equals(".ssh")) {
                dirs.add(f.path().parent());
            }
        }
        for (HostPath dir : dirs) {
            try {
                Optional<FileStat> st = scan.root().stat(dir);
                st.filter(s -> s.isDirectory() && s.worldWritable() && (s.mode() & 01000) == 0)
                        .ifPresent(s -> out.add(finding(dir, "keys directory", "", s)));
            } catch (HostException e) {
                errors.add(new CollectionError("ssh", dir.display(), e.getMessage()));
            }
        }
        errors.forEach(out::error);
    }

    private static Finding finding(HostPath path, String what, String user, FileStat st) {
        return Finding.builder(WRITABLE, Severity.MEDIUM, "World-writable SSH " + what)
                .summary(path.display() + " is mode " + String.format("%04o", st.permissions())
                        + ": any local user can add a key")
                .evidence("path", path.display())
                .evidence("user", user.isEmpty() ? null : user)
                .evidence("file", Evidence.file(st))
                .path(path.display())
                .attack("T1098.004")
                .remediation("chmod go-w it, check every key in it, and find out who changed the mode.")
                .build();
    }
}
