package dev.ward.model;

import java.time.Instant;
import java.util.List;

/**
 * One key line of an authorized_keys file (sshd(8), AUTHORIZED_KEYS FILE FORMAT).
 *
 * @param path           the keys file, displayed
 * @param options        the options as written, one per element ({@code command="..."}, {@code no-pty})
 * @param forcedCommand  the {@code command=} value unquoted; empty when none
 * @param fingerprint    {@code SHA256:} and the unpadded base64 of the key blob's SHA-256, as
 *                       {@code ssh-keygen -lf} prints it
 */
public record AuthorizedKey(
        String path, int line, String user, long uid, List<String> options, String forcedCommand,
        String keyType, String fingerprint, String comment, Instant fileMtime, String text) {

    public AuthorizedKey {
        options = List.copyOf(options);
    }
}
