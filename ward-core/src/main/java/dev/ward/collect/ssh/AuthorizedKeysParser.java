package dev.ward.collect.ssh;

import dev.ward.collect.CollectResult;
import dev.ward.model.AuthorizedKey;
import dev.ward.model.CollectionError;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Parses an authorized_keys file per sshd(8), AUTHORIZED_KEYS FILE FORMAT: each line is
 * {@code [options] keytype base64-key [comment]}; options are comma-separated and may hold
 * double-quoted values with commas and blanks ({@code command="a, b"}). A line is known to start
 * with options when its first word is not a key type. The key blob must decode and name the same
 * type inside it, as sshd checks; anything else is an error with the line number, never fatal.
 */
public final class AuthorizedKeysParser {
    static final Set<String> KEY_TYPES = Set.of(
            "ssh-rsa", "ssh-dss", "ssh-ed25519", "ssh-ed448",
            "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com");

    /** Whose file it is and when it changed; every record of the file carries it. */
    public record Context(String path, String user, long uid, Instant mtime) {
    }

    private AuthorizedKeysParser() {
    }

    public static CollectResult<AuthorizedKey> parse(Context ctx, String text) {
        List<AuthorizedKey> keys = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                keys.add(parseLine(ctx, i + 1, line));
            } catch (IllegalArgumentException e) {
                errors.add(new CollectionError("ssh", ctx.path(), "line " + (i + 1) + ": " + e.getMessage()));
            }
        }
        return new CollectResult<>(keys, errors);
    }

    static AuthorizedKey parseLine(Context ctx, int no, String line) {
        List<String> options = List.of();
        String rest = line;
        if (!isKeyType(firstWord(line))) {
            int end = KeyOptions.end(line);
            options = KeyOptions.split(line.substring(0, end));
            rest = line.substring(end).strip();
        }
        String[] f = rest.split("[ \t]+", 3);
        if (f.length < 2 || !isKeyType(f[0])) {
            throw new IllegalArgumentException("no key type and key (truncated or not a key line)");
        }
        String fingerprint = fingerprint(f[0], f[1]);
        String comment = f.length > 2 ? f[2] : "";
        return new AuthorizedKey(ctx.path(), no, ctx.user(), ctx.uid(), options,
                KeyOptions.value(options, "command"), f[0], fingerprint, comment, ctx.mtime(), line);
    }

    private static String firstWord(String line) {
        return line.split("[ \t]+", 2)[0];
    }

    static boolean isKeyType(String word) {
        String base = word.endsWith("-cert-v01@openssh.com")
                ? word.substring(0, word.length() - "-cert-v01@openssh.com".length()) : word;
        return KEY_TYPES.contains(base) || KEY_TYPES.contains(base + "@openssh.com");
    }

    /** SHA256:base64-without-padding of the decoded blob, after checking the blob names keyType. */
    static String fingerprint(String keyType, String b64) {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(b64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key is not valid base64");
        }
        ByteBuffer buf = ByteBuffer.wrap(blob);
        if (blob.length < 4 || buf.getInt() != keyType.length() || blob.length < 4 + keyType.length()
                || !new String(blob, 4, keyType.length(), StandardCharsets.US_ASCII).equals(keyType)) {
            throw new IllegalArgumentException("key blob does not hold a " + keyType + " key");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
