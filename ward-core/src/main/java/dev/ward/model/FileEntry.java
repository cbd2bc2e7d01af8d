package dev.ward.model;

import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One file as an integrity baseline records it: metadata from statx, and the content hashes and
 * extended attributes the rules asked for. What was not asked for is absent (empty map, null).
 *
 * @param perm       permission bits with setuid, setgid and sticky ({@code mode & 07777})
 * @param linkTarget a symlink's target, escaped as {@link HostPath#escape} prints bytes; null otherwise
 * @param hashes     algorithm name ({@code sha256}, {@code sha512}, {@code sha1}, {@code md5}) to lower-case hex
 * @param xattrs     extended attribute name to its value in hex; {@code acl}, {@code selinux} and
 *                   {@code caps} values are kept here too, under their xattr names
 */
public record FileEntry(
        HostPath path,
        FileType type,
        int perm,
        long uid,
        long gid,
        long size,
        long blocks,
        long nlink,
        long inode,
        Instant atime,
        Instant mtime,
        Instant ctime,
        String linkTarget,
        Map<String, String> hashes,
        Map<String, String> xattrs) {

    public FileEntry {
        hashes = Collections.unmodifiableMap(new TreeMap<>(hashes));
        xattrs = Collections.unmodifiableMap(new TreeMap<>(xattrs));
    }
}
