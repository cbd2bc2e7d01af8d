package dev.ward.model;

import java.time.Instant;

/**
 * A file under a web root with code that runs decoded or request-supplied input: the first
 * matching line of one file.
 *
 * @param pattern     which indicator matched, e.g. {@code eval(base64_decode(}
 * @param snippet     the matching line, cut to 200 characters
 * @param packageName the package owning the file, or null
 */
public record WebShellHit(String path, int line, String pattern, String snippet, long size, Instant mtime,
                          String packageName) {
}
