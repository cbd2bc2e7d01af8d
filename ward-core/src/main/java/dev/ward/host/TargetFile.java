package dev.ward.host;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A file ward was told to write (a report, a baseline, a key, a policy, a capture), reached so that
 * only the person running ward decides where it goes. Ward runs as root where an intruder has an
 * account; a link the intruder plants at {@code /tmp/report.txt} must not turn a report into a new
 * {@code /etc/shadow}.
 *
 * <p>The path is resolved a component at a time from descriptors ({@link TargetPath}): a symlink on
 * the way is followed only when it is the user's or root's and no other user could have put it
 * there; any other is {@link Refused}. What the path names is then held as a descriptor of its
 * directory and a name in it, and every later step (the look at what is there, the partial file,
 * the rename over it) is made relative to that descriptor, so nothing swapped in meanwhile can
 * redirect the write: renameat(2) replaces a name without following it.
 */
public final class TargetFile implements AutoCloseable {
    /** Whoever runs ward: the owner, besides root, whose links and directories are trusted. */
    static final long USER = Libc.geteuid();

    /** A target that would not be the user's choice, or that cannot be made: exit 73 (EX_CANTCREAT). */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    /** Another ward is writing the same file: exit 75 (EX_TEMPFAIL). */
    public static final class Busy extends IOException {
        Busy(String message) {
            super(message);
        }
    }

    /** A write that failed part-way (a full disk, an I/O error): exit 74, naming the file. */
    public static final class WriteFailed extends IOException {
        WriteFailed(String file, String operation, int errno) {
            super(file + ": " + operation + ": " + Libc.strerror(errno));
        }
    }

    /** What the content of a file is written with. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    private final TargetPath.Resolved at;
    private final Partials partials;

    private TargetFile(TargetPath.Resolved at) {
        this.at = at;
        this.partials = new Partials(at.dirFd(), at.name(), at.display());
    }

    /** Resolves {@code path} for writing; refuses it when a link another user controls leads there. */
    public static TargetFile of(Path path) throws IOException {
        return new TargetFile(TargetPath.resolve(path));
    }

    /** The path as the user gave it, escaped for messages. */
    public String display() {
        return at.display();
    }

    /**
     * Replaces the file with {@code content}, whole or not at all: written beside it (mode 0600,
     * made exclusively, so never a file or link already there), synced, and renamed over it. A
     * device or FIFO the user may write (/dev/null, a pipe of theirs) is written into instead.
     */
    public void replace(Content content) throws IOException {
        if (at.special() != null) {
            writeInto(content);
            return;
        }
        partials.removeStale();
        byte[] part = partials.name(".part");
        int fd = Partials.create(at.dirFd(), part, at.display());
        try {
            try (OutputStream out = new FdOutputStream(fd, at.display())) {
                content.write(out);
            }
            sync(fd);
            rename(at.dirFd(), part);
        } catch (IOException | RuntimeException e) {
            Libc.unlinkat(at.dirFd(), part, 0);
            throw e;
        } finally {
            Libc.close(fd);
        }
    }

    /**
     * Refuses a device or FIFO, for files that are renamed over their target: {@code --db /dev/null}
     * must not replace the host's /dev/null, nor open a device to lock it (opening some acts).
     */
    private void requireRegular() throws Refused {
        if (at.special() != null) {
            throw new Refused(at.display() + ": not a regular file (" + at.special().type().describe() + ")");
        }
    }

    /** Refuses a target that is there already (a link included), for files never overwritten. */
    public void requireAbsent() throws Refused {
        if (at.existing() != null) {
            throw new Refused(at.display() + ": already exists; ward does not overwrite it");
        }
    }

    /** Writes a new file (mode {@code mode}); refuses when anything, a link included, is there already. */
    public void create(int mode, Content content) throws IOException {
        int fd = createDescriptor(mode);
        try {
            try (OutputStream out = new FdOutputStream(fd, at.display())) {
                content.write(out);
            }
            sync(fd);
        } finally {
            Libc.close(fd);
        }
    }

    /**
     * Makes a new file (mode {@code mode}) and returns its descriptor, for the caller to write and
     * close; refuses when anything, a link included, is there already.
     */
    public int createDescriptor(int mode) throws IOException {
        requireAbsent();
        int fd = Libc.openat2(at.dirFd(), at.name(), Libc.O_WRONLY | Libc.O_CREAT | Libc.O_EXCL
                | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, mode, 0);
        if (fd < 0) {
            throw new Refused(at.display() + ": cannot create: " + Libc.strerror(-fd));
        }
        return fd;
    }

    /** Makes the target a new directory (mode {@code mode}). */
    public void makeDirectory(int mode) throws IOException {
        int r = Libc.mkdirat(at.dirFd(), at.name(), mode);
        if (r < 0) {
            throw new Refused(at.display() + ": cannot make the directory: " + Libc.strerror(-r));
        }
    }

    /**
     * Takes the file for this run: another ward writing it meanwhile is {@link Busy}. An flock(2) on
     * the file itself, released on close; a file not there yet needs none (a run that makes it reads
     * nothing another could have changed). Taken again when the name was replaced between the open
     * and the lock, so the lock is always on the file the name leads to.
     */
    public AutoCloseable lock() throws IOException {
        requireRegular();
        for (int attempt = 0; attempt < 100; attempt++) {
            int fd = Libc.openat2(at.dirFd(), at.name(), Libc.O_RDONLY | Libc.O_NOFOLLOW | Libc.O_NONBLOCK
                    | Libc.O_CLOEXEC, 0);
            if (fd == -Libc.ENOENT) {
                return () -> { };
            }
            if (fd < 0) {
                throw new Refused(at.display() + ": cannot open to lock: " + Libc.strerror(-fd));
            }
            if (Libc.flock(fd, Libc.LOCK_EX | Libc.LOCK_NB) == -Libc.EWOULDBLOCK) {
                Libc.close(fd);
                throw new Busy(at.display() + ": another ward is writing it; run again when it has finished");
            }
            if (TargetPath.sameFile(fd, at.dirFd(), at.name())) {
                return () -> Libc.close(fd);
            }
            Libc.close(fd);
        }
        throw new Busy(at.display() + ": replaced again and again while ward tried to lock it");
    }

    /**
     * A new directory beside the file, mode 0700, for a program that writes by path (SQLite): the
     * file it makes there is then {@link #publish published} over the target. SQLite opens by name,
     * so the directory's path must keep leading to it: every directory above it must be one no other
     * user can rename or replace, or the target is {@link Refused}.
     */
    public PrivateDir privateDirectory() throws IOException {
        requireRegular();
        TargetPath.requireStable(at);
        partials.removeStale();
        byte[] name = partials.name(".d");
        int r = Libc.mkdirat(at.dirFd(), name, 0700);
        if (r < 0) {
            throw new Refused(at.display() + ": cannot make a directory beside it: " + Libc.strerror(-r));
        }
        int fd = Libc.openat2(at.dirFd(), name, Libc.O_PATH | Libc.O_DIRECTORY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, 0);
        if (fd < 0) {
            Libc.unlinkat(at.dirFd(), name, Libc.AT_REMOVEDIR);
            throw new Refused(at.display() + ": cannot open the directory made beside it: " + Libc.strerror(-fd));
        }
        String path = at.directory() + (at.directory().endsWith("/") ? "" : "/")
                + new String(name, StandardCharsets.UTF_8);
        return new PrivateDir(this, name, fd, path);
    }

    /** Syncs {@code file} of {@code dir}, renames it over the target, and syncs the directory. */
    void publish(PrivateDir dir, byte[] file) throws IOException {
        int fd = Libc.openat2(dir.fd(), file, Libc.O_RDONLY | Libc.O_NOFOLLOW | Libc.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new WriteFailed(at.display(), "open the new file", -fd);
        }
        try {
            sync(fd);
        } finally {
            Libc.close(fd);
        }
        rename(dir.fd(), file);
    }

    /** Removes the private directory and what is left in it. */
    void remove(PrivateDir dir) {
        Partials.removeTree(at.dirFd(), dir.name());
    }

    private void rename(int fromDir, byte[] from) throws IOException {
        int r = Libc.renameat(fromDir, from, at.dirFd(), at.name());
        if (r < 0) {
            throw new WriteFailed(at.display(), "rename", -r);
        }
        syncDirectory();
    }

    /** fsync of the directory, so the rename itself survives a crash. */
    private void syncDirectory() throws IOException {
        int fd = Libc.openat2(at.dirFd(), new byte[] {'.'}, Libc.O_RDONLY | Libc.O_DIRECTORY | Libc.O_CLOEXEC, 0);
        if (fd < 0) {
            throw new WriteFailed(at.display(), "open its directory", -fd);
        }
        try {
            sync(fd);
        } finally {
            Libc.close(fd);
        }
    }

    private void sync(int fd) throws IOException {
        int r = Libc.fsync(fd);
        if (r < 0 && r != -Libc.EINVAL) { // EINVAL: a file that cannot be synced (a pipe), nothing to keep
            throw new WriteFailed(at.display(), "fsync", -r);
        }
    }

    /** Into a device or FIFO: opened by name in the held directory, never following a link. */
    private void writeInto(Content content) throws IOException {
        int fd = TargetPath.openSpecial(at);
        try (OutputStream out = new FdOutputStream(fd, at.display())) {
            content.write(out);
        } finally {
            Libc.close(fd);
        }
    }

    @Override
    public void close() {
        Libc.close(at.dirFd());
    }

    /** A directory of ward's own beside the target (see {@link #privateDirectory}); closing removes it. */
    public record PrivateDir(TargetFile target, byte[] name, int fd, String path) implements AutoCloseable {
        /** The path of a file in it, for a program that opens files by name. */
        public String file(String fileName) {
            return path + "/" + fileName;
        }

        /** Renames {@code fileName} of this directory over the target, synced. */
        public void publish(String fileName) throws IOException {
            target.publish(this, fileName.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() {
            Libc.close(fd);
            target.remove(this);
        }
    }
}
