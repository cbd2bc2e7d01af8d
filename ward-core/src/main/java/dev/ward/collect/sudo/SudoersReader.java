package dev.ward.collect.sudo;

import dev.ward.host.DirEntry;
import dev.ward.host.FileStat;
import dev.ward.collect.HostFiles;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import dev.ward.model.SudoDefault;
import dev.ward.model.SudoRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads /etc/sudoers and what it includes, in sudo's order, then expands aliases.
 * {@code @includedir} takes the directory's files whose names hold no '.' and do not end in '~'
 * (so editor backups and package leftovers are skipped), sorted, as sudo does; a relative
 * {@code @include} is taken from the including file's directory (sudo 1.9).
 */
public final class SudoersReader {
    public static final HostPath MAIN = HostPath.of("/etc/sudoers");
    private static final HostPath DROP_IN = HostPath.of("/etc/sudoers.d");
    private static final int MAX_DEPTH = 8;

    /** A sudoers file that was read, with its stat for the ownership and mode checks. */
    public record SudoersFile(HostPath path, FileStat stat) {
    }

    /** Everything sudo would read. */
    public record Sudoers(List<SudoersFile> files, List<SudoRule> rules, List<SudoDefault> defaults,
                          List<CollectionError> errors) {
    }

    private SudoersReader() {
    }

    public static Sudoers read(HostRoot root) {
        Sudoers raw = new Sudoers(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        Map<String, List<String>> aliases = new HashMap<>();
        load(root, MAIN, null, 0, raw, aliases);
        // Debian's /etc/sudoers includes /etc/sudoers.d; where it is missing (sudo not installed
        // yet, or removed) a grant dropped there still waits for sudo, so it is read anyway.
        if (raw.files().stream().noneMatch(f -> f.path().equals(MAIN))) {
            for (HostPath f : dirFiles(root, DROP_IN, raw.errors())) {
                load(root, f, null, 1, raw, aliases);
            }
        }
        List<SudoRule> expanded = new ArrayList<>();
        raw.rules().forEach(r -> expanded.addAll(Aliases.expand(r, aliases)));
        return new Sudoers(raw.files(), expanded, raw.defaults(), raw.errors());
    }

    /**
     * Reads one file and what it includes. {@code includedAt} is the including line ("/etc/sudoers
     * line 3"), or null for a file that may be absent: sudoers itself, or a file listed from a
     * directory.
     */
    private static void load(HostRoot root, HostPath file, String includedAt, int depth, Sudoers out,
                             Map<String, List<String>> aliases) {
        Optional<String> text;
        Optional<FileStat> stat;
        try {
            stat = root.stat(file);
        } catch (HostException e) {
            out.errors().add(new CollectionError(SudoersParser.SOURCE, file.display(), e.getMessage()));
            return;
        }
        if (stat.isEmpty()) {
            // sudo reports an @include of a missing file ("unable to open") rather than skip it
            // quietly; a grant may be missing from the analysis, and a deleted file is a trace.
            if (includedAt != null) {
                out.errors().add(new CollectionError(SudoersParser.SOURCE, file.display(),
                        "included from " + includedAt + " but not found"));
            }
            return;
        }
        text = HostFiles.text(root, file, HostFiles.TEXT_LIMIT, SudoersParser.SOURCE, out.errors());
        if (text.isEmpty()) {
            return;
        }
        out.files().add(new SudoersFile(file, stat.get()));
        SudoersParser.Parsed p = SudoersParser.parse(file.display(), text.get());
        out.rules().addAll(p.rules());
        out.defaults().addAll(p.defaults());
        out.errors().addAll(p.errors());
        aliases.putAll(p.aliases());
        for (SudoersParser.Include inc : p.includes()) {
            if (depth >= MAX_DEPTH) {
                out.errors().add(SudoersParser.error(file.display(), inc.line(), "include nested too deep"));
                continue;
            }
            HostPath target = inc.target().startsWith("/")
                    ? HostPath.of(inc.target()) : file.parent().resolve(inc.target());
            if (inc.directory()) {
                for (HostPath f : dirFiles(root, target, out.errors())) {
                    load(root, f, null, depth + 1, out, aliases);
                }
            } else {
                load(root, target, file.display() + " line " + inc.line(), depth + 1, out, aliases);
            }
        }
    }

    /**
     * The files sudo reads from an {@code @includedir}: regular files (symlinks followed, as sudo's
     * stat(2) does), not subdirectories. A missing directory gives nothing, as in sudo.
     */
    private static List<HostPath> dirFiles(HostRoot root, HostPath dir, List<CollectionError> errors) {
        List<HostPath> out = new ArrayList<>();
        try {
            for (DirEntry e : root.list(dir)) {
                HostPath p = e.path();
                if (!p.name().contains(".") && !p.name().endsWith("~")
                        && root.stat(p).map(FileStat::isRegular).orElse(false)) {
                    out.add(p);
                }
            }
        } catch (HostException e) {
            errors.add(new CollectionError(SudoersParser.SOURCE, dir.display(), e.getMessage()));
        }
        return out;
    }
}
