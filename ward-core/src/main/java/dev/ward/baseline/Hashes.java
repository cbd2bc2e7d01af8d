package dev.ward.baseline;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The content digests one file needs, fed together from one read. The JDK's SHA-256 and SHA-1 are
 * compiled to the CPU's SHA instructions where it has them, so one read feeds every algorithm at
 * close to memory speed.
 */
final class Hashes {
    private final Map<String, MessageDigest> digests = new LinkedHashMap<>();

    Hashes(Set<Attribute> attributes) {
        for (Attribute a : attributes) {
            if (a.isHash()) {
                digests.put(a.keyword(), digest(a));
            }
        }
    }

    boolean isEmpty() {
        return digests.isEmpty();
    }

    void update(ByteBuffer chunk) {
        for (MessageDigest d : digests.values()) {
            d.update(chunk.duplicate());
        }
    }

    /** Whether {@code recorded} (keyword to hex) holds every digest wanted here. */
    boolean recordedIn(Map<String, String> recorded) {
        return recorded.keySet().containsAll(digests.keySet());
    }

    /** The wanted digests out of {@code recorded}, in the order {@link #finish} gives them. */
    Map<String, String> recorded(Map<String, String> recorded) {
        Map<String, String> out = new LinkedHashMap<>();
        digests.keySet().forEach(name -> out.put(name, recorded.get(name)));
        return out;
    }

    /** Algorithm keyword to lower-case hex; the digests are reset. */
    Map<String, String> finish() {
        Map<String, String> out = new LinkedHashMap<>();
        digests.forEach((name, d) -> out.put(name, HexFormat.of().formatHex(d.digest())));
        return out;
    }

    /**
     * A fresh digest, cloned from one made once: a digest found by name goes through the provider
     * lookup each time, the cost of hashing a small file again.
     */
    private static MessageDigest digest(Attribute a) {
        try {
            return (MessageDigest) PROTOTYPES.get(a).clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's digests are cloneable", e);
        }
    }

    private static final Map<Attribute, MessageDigest> PROTOTYPES = new EnumMap<>(Map.of(
            Attribute.SHA256, named("SHA-256"), Attribute.SHA512, named("SHA-512"),
            Attribute.SHA1, named("SHA-1"), Attribute.MD5, named("MD5")));

    private static MessageDigest named(String jdkName) {
        try {
            return MessageDigest.getInstance(jdkName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has " + jdkName, e);
        }
    }
}
