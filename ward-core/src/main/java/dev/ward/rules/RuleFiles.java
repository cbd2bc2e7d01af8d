package dev.ward.rules;

import dev.ward.host.DirEntry;
import dev.ward.host.FileStat;
import dev.ward.host.FileType;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads rule files on the machine ward runs on (an analyst's file, or one found on the inspected
 * host and named by its path), through {@link HostRoot} like every other read. Only a regular file
 * is read, and it is known to be one before anything is opened: its type comes from stat, which
 * opens nothing, so a FIFO, device, socket or directory is refused without ever being opened for
 * reading. The read itself opens with O_NONBLOCK and checks the descriptor again, so a FIFO swapped
 * in meanwhile is refused instead of waited on. Symlinks are followed; their targets are checked.
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
        try (HostRoot root = HostRoot.live()) {
            FileStat st = regular(root, path, from);
            if (st.size() > RuleBudget.MAX_FILE) {
                throw cannot(from, "read", path, "larger than 16 MiB");
            }
            byte[] bytes = root.read(path, RuleBudget.MAX_FILE + 1);
            if (bytes.length > RuleBudget.MAX_FILE) { // it grew since stat, or stat does not know (a /proc file)
                throw cannot(from, "read", path, "larger than 16 MiB");
            }
            return new Contents(new Id(st.device(), st.inode()), bytes);
        } catch (HostException e) {
            throw cannot(from, "read", path, reason(e));
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

    private static FileStat regular(HostRoot root, HostPath path, Origin from)
            throws HostException, RuleFormatException {
        FileStat st = root.stat(path).orElseThrow(() -> cannot(from, "read", path, missing(root, path)));
        if (!st.isRegular()) {
            throw cannot(from, "read", path, "not a regular file (" + kind(st.type()) + ")");
        }
        return st;
    }

    /** Why stat found nothing: no file, or a symlink it does not follow (a /proc/self/fd link among them). */
    private static String missing(HostRoot root, HostPath path) {
        return root.lstatOrEmpty(path).isEmpty() ? "no such file"
                : "a symlink ward cannot follow (its target is missing, it loops, or it is a /proc/self/fd link)";
    }

    private static boolean isRegular(HostRoot root, DirEntry e) throws HostException {
        return switch (e.type()) {
            case REGULAR -> true;
            case SYMLINK, UNKNOWN -> root.stat(e.path()).map(FileStat::isRegular).orElse(false);
            default -> false;
        };
    }

    private static String kind(FileType type) {
        return switch (type) {
            case DIRECTORY -> "a directory";
            case FIFO -> "a FIFO";
            case SOCKET -> "a socket";
            case CHAR_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            default -> "of unknown type";
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
