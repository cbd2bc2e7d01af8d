package dev.ward.detect.builtin;

import dev.ward.collect.HostFiles;
import dev.ward.collect.Scan;
import dev.ward.collect.setid.SetIdCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.model.Finding;
import dev.ward.model.SetIdFile;
import dev.ward.model.Severity;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code linux.setid.unowned} (ATT&CK T1548.001): a setuid or setgid program no package installed.
 * High; critical in a temporary or hidden directory, or when its bytes are those of a shell listed in
 * {@code /etc/shells} (the classic {@code cp /bin/bash /tmp/.x; chmod 4755}). Only unowned files
 * are hashed, so the cost stays small.
 */
public final class SetIdDetector implements Detector {
    private static final long HASH_LIMIT = 64L * 1024 * 1024;

    @Override
    public String name() {
        return "setid";
    }

    @Override
    public void detect(Scan scan, Results out) {
        if (!scan.packages().isPresent()) {
            return;
        }
        List<SetIdFile> unowned = out.take(scan.records(new SetIdCollector())).stream()
                .filter(f -> f.packageName() == null).toList();
        if (unowned.isEmpty()) {
            return;
        }
        Map<String, String> shells = shellHashes(scan, out);
        for (SetIdFile f : unowned) {
            String copyOf = shells.get(sha256(scan, HostPath.parse(f.path()), out));
            boolean placed = Indicators.isTempOrHidden(f.path());
            Severity s = copyOf != null || placed ? Severity.CRITICAL : Severity.HIGH;
            String why = copyOf != null ? "copy of the shell " + copyOf : placed ? "in a temporary or hidden directory" : null;
            out.add(Finding.builder("linux.setid.unowned", s, "Set-id program no package installed")
                    .summary(f.path() + " mode " + Evidence.octal(f.mode()) + " uid " + f.uid()
                            + (why != null ? " (" + why + ")" : ""))
                    .evidence("path", f.path()).evidence("mode", Evidence.octal(f.mode())).evidence("uid", f.uid())
                    .evidence("gid", f.gid()).evidence("size", f.size()).evidence("mtime", Evidence.time(f.mtime()))
                    .evidence("copy_of", copyOf).evidence("indicator", why).evidence("package", Evidence.NO_PACKAGE)
                    .path(f.path()).attack("T1548.001")
                    .remediation("Remove the set-id bit (chmod u-s,g-s) at once, keep the file as evidence, and "
                            + "look at who could run it since its mtime.").build());
        }
    }

    /** SHA-256 of each shell in /etc/shells (and /bin/sh), to the shell's path. */
    private static Map<String, String> shellHashes(Scan scan, Results out) {
        List<String> names = new ArrayList<>(List.of("/bin/sh", "/bin/bash", "/bin/dash"));
        HostFiles files = new HostFiles(scan, "setid", new ArrayList<>());
        files.text(HostPath.of("/etc/shells")).ifPresent(t -> t.lines().map(String::strip)
                .filter(l -> l.startsWith("/")).forEach(names::add));
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String n : names) {
            String h = sha256(scan, HostPath.of(n), null);
            if (h != null) {
                hashes.putIfAbsent(h, n);
            }
        }
        return hashes;
    }

    /** Null when unreadable; the error goes to {@code out} unless it is null (optional files). */
    private static String sha256(Scan scan, HostPath p, Results out) {
        try {
            byte[] data = scan.root().read(p, HASH_LIMIT);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (HostException e) {
            if (out != null) {
                out.error("setid", p.display(), e.getMessage());
            }
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
