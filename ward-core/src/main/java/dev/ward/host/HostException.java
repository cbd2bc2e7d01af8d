package dev.ward.host;

import java.io.IOException;

/**
 * A system call on the host failed; carries the errno and the path, displayed, in its message.
 * Most are expected (a file that is not there is the usual answer to "is it there?") and cost
 * nothing much: no stack trace is taken, and the message is made only when asked for.
 */
public final class HostException extends IOException {
    private final int errno;
    private final HostPath path;
    private final String operation;
    private String reason;

    HostException(String operation, HostPath path, int errno) {
        this.errno = errno;
        this.path = path;
        this.operation = operation;
    }

    HostException(HostPath path, String reason) {
        this.errno = 0;
        this.path = path;
        this.operation = null;
        this.reason = reason;
    }

    @Override
    public String getMessage() {
        return path.brief() + ": " + reason();
    }

    /** The message without the path, for a report that names it apart: "open: Permission denied". */
    public String reason() {
        if (reason == null) {
            reason = operation + ": " + Libc.strerror(errno);
        }
        return reason;
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    public int errno() {
        return errno;
    }

    /** The file is not there (ENOENT, or a parent that is not a directory). */
    public boolean isMissing() {
        return errno == Libc.ENOENT || errno == Libc.ENOTDIR;
    }

    /** A symlink that was not followed: a loop, or one lookups refuse (a /proc/PID/fd magic link). */
    public boolean isLinkRefused() {
        return errno == Libc.ELOOP;
    }

    /** Permission refused: a collection error, never by itself evidence of hiding. */
    public boolean isDenied() {
        return errno == Libc.EACCES || errno == Libc.EPERM;
    }
}
