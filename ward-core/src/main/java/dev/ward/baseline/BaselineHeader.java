package dev.ward.baseline;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The self-describing header of a baseline, stored as key/value rows in its {@code header} table
 * so a later format can add keys that an older reader ignores.
 *
 * @param formatVersion the store's layout; a reader refuses any other
 * @param wardVersion   the ward that wrote it
 * @param entryCount    how many entries the file holds
 * @param signature     base64 Ed25519 signature of the content digest, or null when unsigned
 * @param signer        fingerprint of the signer's public key ({@link KeyFiles#fingerprint}), or null
 */
public record BaselineHeader(
        int formatVersion, String wardVersion, BaselineInfo info, long entryCount, String signature, String signer) {

    /** The layout this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public boolean signed() {
        return signature != null;
    }

    /** The header as stored: every key with a value, in a fixed order. */
    Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format_version", Integer.toString(formatVersion));
        m.put("ward_version", wardVersion);
        m.put("host", info.host());
        m.put("root", info.root());
        m.put("created", info.created().toString());
        m.put("rules_digest", info.rulesDigest());
        m.put("attributes", info.attributes().stream()
                .sorted(Comparator.naturalOrder()).map(Attribute::keyword).collect(Collectors.joining(",")));
        m.put("entry_count", Long.toString(entryCount));
        if (signature != null) {
            m.put("signature", signature);
            m.put("signer", signer);
        }
        return m;
    }

    /** Reads the stored form back; a missing or malformed key is an IllegalArgumentException. */
    static BaselineHeader fromMap(Map<String, String> m) {
        EnumSet<Attribute> attributes = EnumSet.noneOf(Attribute.class);
        for (String word : require(m, "attributes").split(",")) {
            if (!word.isEmpty()) {
                Attribute a = Attribute.byToken(word);
                if (a == null) {
                    throw new IllegalArgumentException("unknown attribute '" + word + "'");
                }
                attributes.add(a);
            }
        }
        BaselineInfo info = new BaselineInfo(require(m, "host"), require(m, "root"),
                Instant.parse(require(m, "created")), require(m, "rules_digest"), attributes);
        return new BaselineHeader(Integer.parseInt(require(m, "format_version")), require(m, "ward_version"),
                info, Long.parseLong(require(m, "entry_count")), m.get("signature"), m.get("signer"));
    }

    BaselineHeader withSignature(String signature, String signer) {
        return new BaselineHeader(formatVersion, wardVersion, info, entryCount, signature, signer);
    }

    private static String require(Map<String, String> m, String key) {
        String v = m.get(key);
        if (v == null) {
            throw new IllegalArgumentException("header has no '" + key + "'");
        }
        return v;
    }
}
