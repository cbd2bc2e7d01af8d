package dev.ward.rules;

import dev.ward.host.DirEntry;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.InputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads rule files on the machine ward runs on (an analyst's file, or one found on the inspected
 * host and named by its path) as every file named to ward is read ({@link InputFile}): only a
 * regular file, known to be one from stat before anything is opened, at most 16 MiB. Directories of
 * includes are listed through {@link HostRoot}.
 */
final class RuleFiles {
    /** A file's identity, to know it again when an include comes back to it. */
    record Id(long device, long inode) { }

    /** A rule file read whole. */
    record Contents(Id id, byte[] bytes) { }

    private RuleFiles() {
    }

    /** Reads {@code path} for the include at {@code from}: a regular file of at most 16 MiB. */
    static Contents read(HostPath path, Origin from) throws RuleFormatException {
        try {
            InputFile.Contents c = InputFile.read(path, RuleBudget.MAX_FILE);
            return new Contents(new Id(c.stat().device(), c.stat().inode()), c.bytes());
        } catch (InputFile.Unusable e) {
            throw cannot(from, "read", path, e.reason());
        } catch (HostException e) {
            throw cannot(from, "read", path, e.isMissing() || e.isLinkRefused() ? missing(path) : reason(e));
        } catch (IOException e) {
            throw cannot(from, "read", path, e.getMessage());
        }
    }

    /**
     * The regular files (symlinks to them included) in {@code dir} whose names, in their escaped
     * form, {@code names} finds, in the order of their bytes; anything else there is passed over,
     * as AIDE does.
     */
    static List<HostPath> directory(HostPath dir, Pattern names, Origin from) throws RuleFormatException {
        try (HostRoot root = HostRoot.live()) {
            Optional<FileStat> st = root.stat(dir);
            if (st.isEmpty() || !st.get().isDirectory()) {
                throw cannot(from, "read directory", dir, st.isEmpty() ? "no such directory" : "not a directory");
            }
            List<HostPath> files = new ArrayList<>();
            for (DirEntry e : root.list(dir)) {
                if (names.matcher(e.name()).find() && isRegular(root, e)) {
                    files.add(e.path());
                }
            }
            return files;
        } catch (HostException e) {
            throw cannot(from, "read directory", dir, reason(e));
        }
    }

    /** Why a file could not be opened: not there, or a symlink it does not follow (a /proc/self/fd link among them). */
    private static String missing(HostPath path) {
        try (HostRoot root = HostRoot.live()) {
            return root.lstatOrEmpty(path).isEmpty() ? "no such file"
                    : "a symlink ward cannot follow (its target is missing, it loops, or it is a /proc/self/fd link)";
        } catch (HostException e) {
            return "no such file";
        }
    }

    private static boolean isRegular(HostRoot root, DirEntry e) throws HostException {
        return switch (e.type()) {
            case REGULAR -> true;
            case SYMLINK, UNKNOWN -> root.stat(e.path()).map(FileStat::isRegular).orElse(false);
            default -> false;
        };
    }

    private static String reason(HostException e) {
        return e.isMissing() ? "no such file" : e.isDenied() ? "permission denied" : e.getMessage();
    }

    /** The path in a message: its bytes as text, escaped with the rest of the message. */
    static String name(HostPath path) {
        return new String(path.bytes(), StandardCharsets.UTF_8);
    }

    private static RuleFormatException cannot(Origin from, String what, HostPath path, String why) {
        return new RuleFormatException(from, "cannot " + what + " '" + name(path) + "': " + why);
    }
}
