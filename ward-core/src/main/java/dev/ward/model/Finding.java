package dev.ward.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something ward saw that an analyst should look at, with the evidence that shows it.
 *
 * <p>Evidence values are JSON-shaped: {@code String}, {@code Number}, {@code Boolean}, {@code List}
 * or {@code Map} of those, in insertion order. Paths are host paths as printed (see
 * {@link dev.ward.host.HostPath#display()}), so a name that is not UTF-8 stays exact.
 *
 * @param check       dotted check id, area first: {@code linux.accounts.uid0_non_root}
 * @param attack      MITRE ATT&CK technique ids, e.g. {@code T1136.001}
 * @param remediation what to do about it, one or two sentences
 */
public record Finding(
        String check,
        Severity severity,
        String title,
        String summary,
        Map<String, Object> evidence,
        List<String> paths,
        List<Long> pids,
        List<String> attack,
        String remediation) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        summary = summary == null ? "" : summary;
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
        paths = List.copyOf(paths);
        pids = List.copyOf(pids);
        attack = List.copyOf(attack);
        remediation = remediation == null ? "" : remediation;
    }

    /**
     * A stable id: the same check on the same objects, summarised the same way, gives the same id
     * on every run and host, so analysts and SIEMs can de-duplicate and suppress. The summary is
     * part of it because several objects may share a path (two accounts in /etc/passwd); the
     * evidence is not, so a finding keeps its id when, say, a file's mtime changes.
     */
    public String id() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(check.getBytes(StandardCharsets.UTF_8));
            for (String p : paths) {
                sha.update((byte) 0);
                sha.update(p.getBytes(StandardCharsets.UTF_8));
            }
            for (long pid : pids) {
                sha.update((byte) 1);
                sha.update(Long.toString(pid).getBytes(StandardCharsets.UTF_8));
            }
            sha.update((byte) 2);
            sha.update(summary.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    public static Builder builder(String check, Severity severity, String title) {
        return new Builder(check, severity, title);
    }

    /** Builds a finding step by step; evidence keeps the order it was added in. */
    public static final class Builder {
        private final String check;
        private final Severity severity;
        private final String title;
        private String summary = "";
        private final Map<String, Object> evidence = new LinkedHashMap<>();
        private final List<String> paths = new ArrayList<>();
        private final List<Long> pids = new ArrayList<>();
        private final List<String> attack = new ArrayList<>();
        private String remediation = "";

        private Builder(String check, Severity severity, String title) {
            this.check = check;
            this.severity = severity;
            this.title = title;
        }

        public Builder summary(String text) {
            this.summary = text;
            return this;
        }

        public Builder evidence(String key, Object value) {
            if (value != null) {
                evidence.put(key, value);
            }
            return this;
        }

        public Builder path(String path) {
            if (!paths.contains(path)) {
                paths.add(path);
            }
            return this;
        }

        public Builder pid(long pid) {
            pids.add(pid);
            return this;
        }

        public Builder attack(String... ids) {
            attack.addAll(List.of(ids));
            return this;
        }

        public Builder remediation(String text) {
            this.remediation = text;
            return this;
        }

        public Finding build() {
            return new Finding(check, severity, title, summary, evidence, paths, pids, attack, remediation);
        }
    }
}
