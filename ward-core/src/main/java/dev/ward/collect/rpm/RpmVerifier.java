package dev.ward.collect.rpm;

import dev.ward.collect.CollectResult;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.Program;
import dev.ward.model.CollectionError;
import dev.ward.model.PackageFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of an RPM host verified by {@code rpm -Va --root ROOT --dbpath DB}, which compares
 * every installed file with the database (size, mode, digest, link, owner, group, mtime,
 * capabilities); the packages owning what it reported come from one {@code rpm -qf}. The RPM
 * database format (Berkeley DB, NDB, SQLite, by distribution and release) is read by rpm only: where
 * no {@code rpm} program is installed, the run says so as a collection error.
 */
public final class RpmVerifier {
    /** Where RPM keeps its database: the traditional place, and Fedora's and openSUSE's since 2021. */
    static final List<HostPath> DATABASES = List.of(HostPath.of("/var/lib/rpm"), HostPath.of("/usr/lib/sysimage/rpm"));
    private static final long TIMEOUT = 3600;
    private static final int BATCH = 256;

    private RpmVerifier() {
    }

    /** The root's RPM database directory, if it has one with something in it. */
    public static Optional<HostPath> database(HostRoot root) {
        for (HostPath db : DATABASES) {
            try {
                if (!root.list(db).isEmpty()) {
                    return Optional.of(db);
                }
            } catch (HostException e) {
                // not a directory, or unreadable: not this one
            }
        }
        return Optional.empty();
    }

    public static CollectResult<PackageFile> verify(HostRoot root, HostPath dbpath) {
        List<CollectionError> errors = new ArrayList<>();
        Optional<Program> rpm = Program.find("rpm");
        if (rpm.isEmpty()) {
            errors.add(new CollectionError("packages", dbpath.display(), "an RPM database, and no rpm program on this "
                    + "machine to read it: RPM packages were not verified (apt-get install rpm)"));
            return new CollectResult<>(List.of(), errors);
        }
        List<String> base = List.of("--root", root.display(), "--dbpath", dbpath.display());
        try {
            List<String> args = new ArrayList<>(List.of("-Va", "--nodeps"));
            args.addAll(base);
            Program.Output out = rpm.get().run(args, TIMEOUT);
            List<RpmVerifyParser.Result> results = RpmVerifyParser.parse(new String(out.stdout(), StandardCharsets.UTF_8));
            if (results.isEmpty() && out.status() != 0) {
                errors.add(new CollectionError("packages", dbpath.display(), "rpm -Va failed: " + out.stderr().strip()));
            }
            List<String[]> owners = owners(rpm.get(), base, results);
            List<PackageFile> files = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                files.add(file(root, results.get(i), owners.get(i)));
            }
            return new CollectResult<>(files, errors);
        } catch (IOException e) {
            errors.add(new CollectionError("packages", dbpath.display(), "rpm: " + e.getMessage()));
            return new CollectResult<>(List.of(), errors);
        }
    }

    /** NAME, VERSION-RELEASE and ARCH of the package owning each path, in order. */
    private static List<String[]> owners(Program rpm, List<String> base, List<RpmVerifyParser.Result> results)
            throws IOException {
        List<String[]> out = new ArrayList<>();
        for (int from = 0; from < results.size(); from += BATCH) {
            List<String> args = new ArrayList<>(List.of("-qf", "--qf", "%{NAME}\\t%{VERSION}-%{RELEASE}\\t%{ARCH}\\n"));
            args.addAll(base);
            args.add("--");
            List<RpmVerifyParser.Result> batch = results.subList(from, Math.min(results.size(), from + BATCH));
            batch.forEach(r -> args.add(r.path()));
            List<String> lines = new String(rpm.run(args, TIMEOUT).stdout(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < batch.size(); i++) {
                String[] f = i < lines.size() ? lines.get(i).split("\t") : new String[0];
                out.add(f.length == 3 ? f : new String[] {"?", "?", "?"});
            }
        }
        return out;
    }

    private static PackageFile file(HostRoot root, RpmVerifyParser.Result r, String[] owner) {
        // the report stands without the file's times where it cannot be described
        FileStat st = r.missing() ? null : root.lstatOrEmpty(HostPath.parse(r.path())).orElse(null);
        PackageFile.State state = r.missing() ? PackageFile.State.MISSING
                : r.contentChanged() ? PackageFile.State.CHANGED : PackageFile.State.METADATA;
        return new PackageFile(r.path(), owner[0], owner[1], owner[2], "dnf reinstall " + owner[0],
                PackageFile.Kind.of(r.path(), r.config()), state, r.failed(), null, null,
                st == null ? 0 : st.permissions(), st == null ? -1 : st.uid(),
                st == null ? null : st.mtime(), st == null ? null : st.ctime(), null);
    }
}
