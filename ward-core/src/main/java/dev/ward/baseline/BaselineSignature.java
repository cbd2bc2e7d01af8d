package dev.ward.baseline;

import dev.ward.model.FileEntry;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The signature over a baseline's whole content: every header field but the signature itself, then
 * every entry in path order, in a canonical binary encoding, hashed with SHA-512; the Ed25519
 * signature is over that digest (the JDK's Ed25519 buffers its whole message, a digest keeps a
 * million entries out of memory). The signature and the signer's key fingerprint live in the header.
 */
public final class BaselineSignature {
    /** What a check of a baseline against a public key found; {@code message} is one printable line. */
    public record Verdict(Status status, String message) {
    }

    public enum Status { VALID, UNSIGNED, INVALID }

    private BaselineSignature() {
    }

    /** Checks the baseline {@code reader} has open. An unsigned one is the caller's call: warn or refuse. */
    public static Verdict verify(BaselineReader reader, PublicKey key) throws IOException {
        BaselineHeader h = reader.header();
        String file = reader.file().toString();
        if (!h.signed()) {
            return new Verdict(Status.UNSIGNED, "baseline " + file + " is not signed");
        }
        String expected = KeyFiles.fingerprint(key);
        if (!expected.equals(h.signer())) {
            return new Verdict(Status.INVALID, "baseline " + file + " was signed by another key ("
                    + h.signer() + "), not " + expected);
        }
        byte[] digest;
        try (BaselineReader.Cursor entries = reader.entries()) {
            digest = digest(h, entries);
        }
        boolean ok;
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(digest);
            ok = s.verify(Base64.getDecoder().decode(h.signature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            ok = false;
        }
        return ok ? new Verdict(Status.VALID, "baseline " + file + " is signed by " + expected)
                : new Verdict(Status.INVALID, "baseline " + file + " was modified after it was signed");
    }

    /** Signs a header and its entries (in path order), returning the header with signature and signer. */
    static BaselineHeader sign(BaselineHeader header, Iterator<FileEntry> entries, KeyPair key)
            throws GeneralSecurityException {
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(key.getPrivate());
        s.update(digest(header, entries));
        return header.withSignature(Base64.getEncoder().encodeToString(s.sign()), KeyFiles.fingerprint(key.getPublic()));
    }

    /** SHA-512 of the canonical encoding; fields are length-prefixed so no two contents encode alike. */
    static byte[] digest(BaselineHeader header, Iterator<FileEntry> entries) {
        MessageDigest md = sha512();
        try (DataOutputStream out = new DataOutputStream(new DigestOutputStream(OutputStream.nullOutputStream(), md))) {
            for (Map.Entry<String, String> kv : header.withSignature(null, null).toMap().entrySet()) {
                text(out, kv.getKey());
                text(out, kv.getValue());
            }
            while (entries.hasNext()) {
                entry(out, entries.next());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot happen: writing to a digest", e);
        }
        return md.digest();
    }

    private static void entry(DataOutputStream out, FileEntry e) throws IOException {
        bytes(out, e.path().bytes());
        text(out, e.type().name());
        out.writeInt(e.perm());
        for (long v : new long[] {e.uid(), e.gid(), e.size(), e.blocks(), e.nlink(), e.inode()}) {
            out.writeLong(v);
        }
        for (Instant t : new Instant[] {e.atime(), e.mtime(), e.ctime()}) {
            out.writeBoolean(t != null);
            if (t != null) {
                out.writeLong(t.getEpochSecond());
                out.writeInt(t.getNano());
            }
        }
        text(out, e.linkTarget());
        for (Map<String, String> m : List.of(e.hashes(), e.xattrs())) {
            out.writeInt(m.size());
            for (Map.Entry<String, String> kv : m.entrySet()) {
                text(out, kv.getKey());
                text(out, kv.getValue());
            }
        }
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            bytes(out, s.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void bytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-512", e);
        }
    }
}
