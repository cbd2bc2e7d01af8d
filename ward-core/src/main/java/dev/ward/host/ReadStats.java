package dev.ward.host;

/**
 * What {@link HostRoot#readChunks} saw of a file: fstat of the open descriptor before and after the
 * read, and how many bytes came. A log being written, or a file replaced in place while it was
 * read, shows as a difference between them: the bytes read are then not one version of the file.
 */
public record ReadStats(FileStat before, FileStat after, long bytesRead) {
    /** True when the size or mtime moved during the read, or the bytes read are not the size seen. */
    public boolean changedWhileRead() {
        return before.size() != after.size()
                || bytesRead != before.size()
                || !before.mtime().equals(after.mtime());
    }
}
