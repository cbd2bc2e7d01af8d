package dev.ward.baseline;

import dev.ward.host.InputFile;
import dev.ward.host.TargetFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Ed25519 keys for signing baselines, from the JDK's own provider, kept as PEM files: PKCS#8 for the
 * private key (mode 0600 from creation, never widened then narrowed) and X.509 SubjectPublicKeyInfo
 * for the public one, so openssl reads both. The JDK cannot derive a public key from an Ed25519
 * private key, so signing takes both files as a {@link KeyPair}.
 */
public final class KeyFiles {
    private static final String PRIVATE = "PRIVATE KEY";
    private static final String PUBLIC = "PUBLIC KEY";

    private KeyFiles() {
    }

    /**
     * Writes a new key pair (the private half 0600, the public 0644); refuses to overwrite either file,
     * and to write through a link another user could have planted ({@link TargetFile}).
     */
    public static KeyPair generate(Path privateKey, Path publicKey) throws IOException {
        try (TargetFile priv = TargetFile.of(privateKey); TargetFile pub = TargetFile.of(publicKey)) {
            for (TargetFile key : List.of(priv, pub)) {
                key.requireAbsent();
            }
            KeyPair pair;
            try {
                pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK provides Ed25519", e);
            }
            priv.create(0600, out -> out.write(pem(PRIVATE, pair.getPrivate().getEncoded())));
            pub.create(0644, out -> out.write(pem(PUBLIC, pair.getPublic().getEncoded())));
            return pair;
        }
    }

    public static PrivateKey readPrivate(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(unpem(file, PRIVATE)));
        } catch (GeneralSecurityException e) {
            throw BaselineException.damaged(file, "not an Ed25519 private key");
        }
    }

    public static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(unpem(file, PUBLIC)));
        } catch (GeneralSecurityException e) {
            throw BaselineException.damaged(file, "not an Ed25519 public key");
        }
    }

    /** Both halves, checked to belong together by signing and verifying a probe. */
    public static KeyPair readPair(Path privateKey, Path publicKey) throws IOException {
        KeyPair pair = new KeyPair(readPublic(publicKey), readPrivate(privateKey));
        try {
            byte[] probe = "ward".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(probe);
            byte[] sig = s.sign();
            s.initVerify(pair.getPublic());
            s.update(probe);
            if (s.verify(sig)) {
                return pair;
            }
        } catch (GeneralSecurityException e) {
            // fall through: the halves do not fit
        }
        throw BaselineException.damaged(publicKey, "not the public half of " + privateKey);
    }

    /** "SHA256:" and the unpadded base64 SHA-256 of the public key's DER, as ssh-keygen prints keys. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static byte[] pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unpem(Path file, String type) throws IOException {
        String text = new String(InputFile.read(file, 64 * 1024), StandardCharsets.ISO_8859_1);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw BaselineException.damaged(file, "no " + begin + " block");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (IllegalArgumentException e) {
            throw BaselineException.damaged(file, "bad base64 in the " + type + " block");
        }
    }
}
