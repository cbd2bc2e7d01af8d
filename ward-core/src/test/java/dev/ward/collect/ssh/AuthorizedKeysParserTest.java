package dev.ward.collect.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Fixtures;
import dev.ward.model.AuthorizedKey;
import dev.ward.model.CollectionError;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizedKeysParserTest {
    private static final String PATH = "/home/alice/.ssh/authorized_keys";
    private static final AuthorizedKeysParser.Context CTX =
            new AuthorizedKeysParser.Context(PATH, "alice", 1000, Instant.parse("2024-05-01T10:00:00Z"));

    @Test
    void parsesKeysOptionsAndFingerprints() {
        CollectResult<AuthorizedKey> r = AuthorizedKeysParser.parse(CTX, Fixtures.text("ssh/authorized_keys"));
        assertEquals(3, r.records().size());
        AuthorizedKey plain = r.records().get(0);
        assertEquals(2, plain.line());
        assertEquals("ssh-ed25519", plain.keyType());
        // as printed by ssh-keygen -lf for this key
        assertEquals("SHA256:oMXE06krEuZSnBLBD9Py0IX9YDU50lOuytZgI8MTz5M", plain.fingerprint());
        assertEquals("alice@laptop", plain.comment());
        assertEquals(List.of(), plain.options());

        AuthorizedKey forced = r.records().get(1);
        assertEquals(List.of("command=\"/usr/bin/rsync --server, -e\"", "no-pty", "from=\"10.0.0.1,10.0.0.2\""),
                forced.options());
        assertEquals("/usr/bin/rsync --server, -e", forced.forcedCommand());
        assertEquals("SHA256:LyVnwsihNnBtO1XvzDzloTF/3nx97jkOa/DJsqhR5qU", forced.fingerprint());
        assertEquals("backup@localhost", forced.comment());

        assertEquals("", r.records().get(2).comment());
        assertEquals(4, r.records().get(2).line());
    }

    @Test
    void brokenLinesAreErrorsWithTheirNumbers() {
        CollectResult<AuthorizedKey> r = AuthorizedKeysParser.parse(CTX, Fixtures.text("ssh/authorized_keys"));
        assertEquals(List.of(
                error(5, "key is not valid base64"),
                error(6, "key blob does not hold a ssh-rsa key"),
                error(7, "no key type and key (truncated or not a key line)"),
                error(8, "unterminated quote in options"),
                error(9, "no key type and key (truncated or not a key line)")), r.errors());
    }

    @Test
    void truncatedBlobIsAnError() {
        CollectResult<AuthorizedKey> r = AuthorizedKeysParser.parse(CTX, "ssh-ed25519 AAAAC3Nz x");
        assertEquals(List.of(), r.records());
        assertEquals(1, r.errors().size());
    }

    private static CollectionError error(int line, String message) {
        return new CollectionError("ssh", PATH, "line " + line + ": " + message);
    }
}
