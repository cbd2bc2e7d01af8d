package dev.ward.host;

import java.io.IOException;

/** A system call on the host failed; carries the errno and the path, displayed, in its message. */
public final class HostException extends IOException {
    private final int errno;

    HostException(String operation, HostPath path, int errno) {
        super(path.display() + ": " + operation + ": " + Libc.strerror(errno));
        this.errno = errno;
    }

    HostException(HostPath path, String message) {
        super(path.display() + ": " + message);
        this.errno = 0;
    }

    public int errno() {
        return errno;
    }

    /** The file is not there (ENOENT, or a parent that is not a directory). */
    public boolean isMissing() {
        return errno == Libc.ENOENT || errno == Libc.ENOTDIR;
    }

    /** Permission refused: a collection error, never by itself evidence of hiding. */
    public boolean isDenied() {
        return errno == Libc.EACCES || errno == Libc.EPERM;
    }
}
