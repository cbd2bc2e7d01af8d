package dev.ward.model;

import java.time.Instant;

/**
 * A regular file with the set-user-id or set-group-id bit: it runs with its owner's (or group's)
 * rights whoever starts it.
 *
 * @param mode        permission bits including 04000/02000
 * @param packageName the package owning it, or null
 */
public record SetIdFile(String path, int mode, long uid, long gid, long size, Instant mtime,
                        String packageName) {
}
