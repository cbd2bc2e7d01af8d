package dev.ward.collect.ssh;

import dev.ward.collect.HostFiles;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The effective sshd configuration of a root: /etc/ssh/sshd_config with its {@code Include}s
 * expanded in place, as sshd reads it. For most keywords sshd keeps the first value it sees, so
 * {@link #global(String)} returns the first one outside any Match block.
 */
public final class SshdConfig {
    public static final HostPath MAIN = HostPath.of("/etc/ssh/sshd_config");
    /** sshd's compiled-in default for AuthorizedKeysFile. */
    public static final List<String> DEFAULT_KEYS_FILES = List.of(".ssh/authorized_keys", ".ssh/authorized_keys2");
    private static final int MAX_DEPTH = 16;

    private final boolean present;
    private final List<SshdDirective> directives;
    private final List<CollectionError> errors;

    SshdConfig(boolean present, List<SshdDirective> directives, List<CollectionError> errors) {
        this.present = present;
        this.directives = List.copyOf(directives);
        this.errors = List.copyOf(errors);
    }

    /** Reads the configuration; a missing sshd_config gives sshd's defaults, unreadable files errors. */
    public static SshdConfig read(HostRoot root) {
        List<SshdDirective> out = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        boolean present = load(root, MAIN, "", 0, new HashSet<>(), out, errors);
        return new SshdConfig(present, out, errors);
    }

    /**
     * Reads one file and what it includes. A file already read in the same Match block is not read
     * again: its directives would change nothing (sshd keeps first values), and without this a
     * few files including each other twice would be read 2^16 times before the depth limit.
     */
    private static boolean load(HostRoot root, HostPath file, String match, int depth, Set<String> seen,
                                List<SshdDirective> out, List<CollectionError> errors) {
        if (!seen.add(match + "\0" + file.display())) {
            return true;
        }
        Optional<String> text = HostFiles.text(root, file, HostFiles.TEXT_LIMIT, "ssh", errors);
        if (text.isEmpty()) {
            return false;
        }
        SshdConfigParser.Parsed parsed = SshdConfigParser.parse(file.display(), text.get(), match);
        errors.addAll(parsed.errors());
        for (SshdDirective d : parsed.directives()) {
            if (!d.keyword().equals("include")) {
                out.add(d);
            } else if (depth >= MAX_DEPTH) {
                errors.add(new CollectionError("ssh", file.display(), "line " + d.line() + ": Include nested too deep"));
            } else {
                for (String pattern : d.args()) {
                    for (HostPath inc : Globs.expand(root, pattern, errors)) {
                        load(root, inc, d.match(), depth + 1, seen, out, errors);
                    }
                }
            }
        }
        return true;
    }

    public boolean present() {
        return present;
    }

    public List<SshdDirective> directives() {
        return directives;
    }

    public List<CollectionError> errors() {
        return errors;
    }

    /** The first value of a keyword outside Match blocks, as sshd uses it. */
    public Optional<SshdDirective> global(String keyword) {
        return directives.stream().filter(d -> d.match().isEmpty() && d.keyword().equals(keyword)).findFirst();
    }

    /** Every directive of a keyword: the global one sshd uses and each Match block's. */
    public List<SshdDirective> all(String keyword) {
        List<SshdDirective> out = new ArrayList<>();
        global(keyword).ifPresent(out::add);
        directives.stream().filter(d -> !d.match().isEmpty() && d.keyword().equals(keyword)).forEach(out::add);
        return out;
    }

    /**
     * Every AuthorizedKeysFile pattern some connection could use: the global value (or sshd's
     * default) and those of Match blocks. "none" disables the files and is left out.
     */
    public List<String> authorizedKeysFiles() {
        Set<String> patterns = new LinkedHashSet<>();
        if (global("authorizedkeysfile").isEmpty()) {
            patterns.addAll(DEFAULT_KEYS_FILES);
        }
        for (SshdDirective d : all("authorizedkeysfile")) {
            d.args().stream().filter(a -> !a.equalsIgnoreCase("none")).forEach(patterns::add);
        }
        return List.copyOf(patterns);
    }
}
