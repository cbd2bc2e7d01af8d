package dev.ward.host;

/**
 * One name in a directory, as getdents64(2) returned it.
 *
 * @param type from d_type; {@link FileType#UNKNOWN} on filesystems that do not fill it in
 */
public record DirEntry(HostPath path, FileType type, long inode) {
    public String name() {
        return path.name();
    }
}
