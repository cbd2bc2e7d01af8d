package dev.ward.baseline;

import dev.ward.host.TargetFile;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFilesTest {
    @TempDir
    Path dir;

    @Test
    void generatesPemFilesWithAPrivateModeAndReadsThemBack() throws IOException {
        Path priv = dir.resolve("ward.key");
        Path pub = dir.resolve("ward.pub");
        KeyPair pair = KeyFiles.generate(priv, pub);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(priv)));
        assertTrue(Files.readString(priv).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(pub).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        KeyPair back = KeyFiles.readPair(priv, pub);
        assertArrayEquals(pair.getPublic().getEncoded(), back.getPublic().getEncoded());
        assertArrayEquals(pair.getPrivate().getEncoded(), back.getPrivate().getEncoded());
        assertTrue(KeyFiles.fingerprint(back.getPublic()).startsWith("SHA256:"));
    }

    @Test
    void refusesToOverwriteAKey() throws IOException {
        Path priv = Files.writeString(dir.resolve("ward.key"), "precious");
        TargetFile.Refused e = assertThrows(TargetFile.Refused.class, () -> KeyFiles.generate(priv, dir.resolve("ward.pub")));
        assertEquals(priv + ": already exists; ward does not overwrite it", e.getMessage());
        assertEquals("precious", Files.readString(priv));
        assertTrue(Files.notExists(dir.resolve("ward.pub")));
    }

    @Test
    void halvesOfDifferentPairsAreRefused() throws IOException {
        KeyFiles.generate(dir.resolve("a.key"), dir.resolve("a.pub"));
        KeyFiles.generate(dir.resolve("b.key"), dir.resolve("b.pub"));
        BaselineException e = assertThrows(BaselineException.class,
                () -> KeyFiles.readPair(dir.resolve("a.key"), dir.resolve("b.pub")));
        assertTrue(e.getMessage().contains("not the public half of"), e.getMessage());
        Path junk = Files.writeString(dir.resolve("junk.pub"), "hello");
        assertEquals(junk + ": no -----BEGIN PUBLIC KEY----- block",
                assertThrows(BaselineException.class, () -> KeyFiles.readPublic(junk)).getMessage());
    }
}
