package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.unowned.UnownedCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.UnownedFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code linux.packages.unowned_file} (ATT&CK T1036.005, T1547.006, T1556.003): a program, library
 * or module in a system directory that no package installed. Medium; high for a kernel or PAM
 * module (the usual homes of rootkits and credential stealers) or a hidden name; low under
 * {@code /usr/local}, which is the administrator's by design, and for scripts in {@code /etc}
 * (where the persistence checks judge what runs them). Several such files under one directory
 * that no package owns either (a JDK unpacked from a tarball) are one
 * {@code linux.packages.unowned_tree} finding, as severe as its most severe file. DKMS-built modules are not reported,
 * nor set-id files, which {@link SetIdDetector} reports on their own. Where the file's mtime is far
 * older than its ctime, later than it (a date set in the future), or has no fraction of a second
 * where the ctime has one, the finding says so: an mtime set by hand ({@code touch -d},
 * {@code touch -r}) looks like that; so does a file unpacked from an archive.
 */
public final class UnownedDetector implements Detector {
    private static final Duration STOMP_GAP = Duration.ofDays(30);

    private final List<String> dirs;

    public UnownedDetector() {
        this(UnownedCollector.DEFAULT_DIRS);
    }

    public UnownedDetector(List<String> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    @Override
    public String name() {
        return "unowned";
    }

    @Override
    public void detect(Scan scan, Results out) {
        Map<String, List<UnownedFile>> trees = new TreeMap<>();
        for (UnownedFile f : out.take(scan.records(new UnownedCollector(dirs)))) {
            if (f.dkms() || (f.mode() & 06000) != 0) {
                continue;
            }
            if (f.tree() == null) {
                out.add(single(f));
            } else {
                trees.computeIfAbsent(f.tree(), k -> new ArrayList<>()).add(f);
            }
        }
        trees.forEach((tree, files) -> out.add(files.size() == 1 ? single(files.getFirst()) : tree(tree, files)));
    }

    private static Finding single(UnownedFile f) {
        String times = timeSigns(f);
        return Finding.builder("linux.packages.unowned_file", severity(f), "Unpackaged " + f.kind().label() + " in a system directory")
                .summary(f.path() + " (" + f.kind().label() + ", owned by no package" + (times == null ? "" : "; " + times) + ")")
                .evidence("path", f.path()).evidence("kind", f.kind().label()).evidence("package", Evidence.NO_PACKAGE)
                .evidence("mode", Evidence.octal(f.mode())).evidence("uid", f.uid()).evidence("size", f.size())
                .evidence("mtime", Evidence.time(f.mtime())).evidence("ctime", Evidence.time(f.ctime()))
                .evidence("time_signs", times)
                .path(f.path()).attack(attack(f)).remediation(REMEDIATION).build();
    }

    /** A directory no package owns, holding several programs or libraries: one finding, not one a file. */
    private static Finding tree(String tree, List<UnownedFile> files) {
        Severity s = files.stream().map(UnownedDetector::severity).max(Comparator.naturalOrder()).orElseThrow();
        Map<String, Long> kinds = new TreeMap<>();
        files.forEach(f -> kinds.merge(f.kind().label(), 1L, Long::sum));
        String counts = kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        var b = Finding.builder("linux.packages.unowned_tree", s, "Unpackaged directory of programs or libraries")
                .summary(tree + " holds " + files.size() + " files no package installed (" + counts + ")")
                .evidence("directory", tree).evidence("files", files.size()).evidence("kinds", kinds)
                .evidence("package", Evidence.NO_PACKAGE)
                .evidence("newest_ctime", Evidence.time(files.stream().map(UnownedFile::ctime).filter(t -> t != null)
                        .max(Comparator.naturalOrder()).orElse(null)))
                .attack(files.stream().flatMap(f -> List.of(attack(f)).stream()).distinct().toArray(String[]::new))
                .remediation(REMEDIATION);
        files.stream().limit(SHOWN_PATHS).forEach(f -> b.path(f.path()));
        return b.build();
    }

    private static final int SHOWN_PATHS = 100;
    private static final String REMEDIATION = "Find out who put it there and when (its ctime against the logins and "
            + "dpkg.log); if no one installed it on purpose, quarantine it (ward quarantine) and look for what runs it.";

    /** Low under /usr/local (the administrator's) and for scripts in /etc; high for modules and hidden names. */
    private static Severity severity(UnownedFile f) {
        if (f.path().startsWith("/usr/local/") || (f.path().startsWith("/etc/") && !f.elf())) {
            return Severity.LOW;
        }
        boolean module = f.kind() == UnownedFile.Kind.KERNEL_MODULE || f.kind() == UnownedFile.Kind.PAM_MODULE;
        return module || f.path().contains("/.") ? Severity.HIGH : Severity.MEDIUM;
    }

    private static String[] attack(UnownedFile f) {
        return switch (f.kind()) {
            case KERNEL_MODULE -> new String[] {"T1547.006"};
            case PAM_MODULE -> new String[] {"T1556.003"};
            default -> new String[] {"T1036.005"};
        };
    }

    /** What the file's times say of how they were set, or null when nothing stands out. */
    static String timeSigns(UnownedFile f) {
        if (f.mtime() == null || f.ctime() == null) {
            return null;
        }
        List<String> signs = new ArrayList<>();
        if (f.mtime().isAfter(f.ctime().plus(Duration.ofDays(1)))) {
            signs.add("mtime " + Duration.between(f.ctime(), f.mtime()).toDays() + " days after its ctime, in what was its future");
        }
        if (Duration.between(f.mtime(), f.ctime()).compareTo(STOMP_GAP) > 0) {
            signs.add("mtime " + Duration.between(f.mtime(), f.ctime()).toDays() + " days before its ctime");
        }
        if (f.mtime().getNano() == 0 && f.ctime().getNano() != 0) {
            signs.add("mtime with no fraction of a second");
        }
        return signs.isEmpty() ? null : String.join(", ", signs);
    }
}
