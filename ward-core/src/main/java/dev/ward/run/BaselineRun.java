package dev.ward.run;

import dev.ward.Ward;
import dev.ward.baseline.Attribute;
import dev.ward.baseline.BaselineHeader;
import dev.ward.baseline.BaselineInfo;
import dev.ward.baseline.BaselineReader;
import dev.ward.baseline.BaselineSignature;
import dev.ward.baseline.BaselineWriter;
import dev.ward.baseline.Lookahead;
import dev.ward.baseline.ProgressListener;
import dev.ward.baseline.ScanSummary;
import dev.ward.baseline.TreeScanner;
import dev.ward.diff.ChangeMapping;
import dev.ward.diff.Differ;
import dev.ward.diff.Difference;
import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.FileEntry;
import dev.ward.report.Changes;
import dev.ward.report.Report;
import dev.ward.rules.RuleSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code ward baseline init|check|update}: scan what the rules select, write it to a baseline, or
 * compare it with one. The scan streams in path order and the baseline is read once, as a
 * path-ordered cursor, so a check is one merge of two sorted streams.
 */
public final class BaselineRun {
    /** Thrown when a baseline must not be used: edited after signing, or unsigned when a key was given. */
    public static final class Refused extends IOException {
        Refused(String message) {
            super(message);
        }
    }

    private final HostRoot root;
    private final RuleSet rules;
    private final InstantSource clock;
    private final ProgressListener progress;
    private final List<String> warnings = new ArrayList<>();

    public BaselineRun(HostRoot root, RuleSet rules, InstantSource clock, ProgressListener progress) {
        this.root = root;
        this.rules = rules;
        this.clock = clock;
        this.progress = progress;
    }

    /** What the user should be told beside the report: an unsigned baseline, other rules. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Scans and writes a new baseline to {@code db}; the old one stays until the new one is complete.
     * The scan walks on its own thread, so the store's writes never hold up the walk.
     */
    public Report init(Path db, KeyPair signKey) throws IOException {
        Instant started = clock.instant();
        ScanSummary summary;
        BaselineHeader header;
        try (BaselineWriter writer = BaselineWriter.create(db, info(started), signKey);
                ScanStream scan = new ScanStream(scanner())) {
            while (scan.hasNext()) {
                writer.add(scan.next());
            }
            summary = scan.summary();
            header = writer.commit();
        }
        return report(started, Changes.NONE, summary, written(stats(summary, started), header), Map.of());
    }

    /**
     * Compares the tree with the baseline in {@code db}; refuses an edited or (with a key) unsigned
     * one. With {@code trustCtime}, files whose size, mtime, ctime and inode are as recorded keep
     * their recorded hashes instead of being read again.
     */
    public Report check(Path db, PublicKey verifyKey, boolean trustCtime, Duration maxAge) throws IOException {
        Instant started = clock.instant();
        List<Difference> differences = new ArrayList<>();
        ScanSummary summary;
        BaselineHeader made;
        try (BaselineReader reader = open(db, verifyKey, maxAge)) {
            made = reader.header();
            summary = diff(reader, trustCtime, null, differences::add);
        }
        return report(started, ChangeMapping.changes(differences), summary, stats(summary, started), describe(made));
    }

    /**
     * Checks against {@code db} and, in the same scan, writes the current tree as its replacement:
     * the report lists what was accepted. The old baseline stays until the new one is complete.
     */
    public Report update(Path db, PublicKey verifyKey, KeyPair signKey, boolean trustCtime, Duration maxAge)
            throws IOException {
        Instant started = clock.instant();
        List<Difference> differences = new ArrayList<>();
        ScanSummary summary;
        BaselineHeader made;
        BaselineHeader header;
        // The writer first: it takes the baseline for this run, so no other update can read it meanwhile.
        try (BaselineWriter writer = BaselineWriter.create(db, info(started), signKey);
                BaselineReader reader = open(db, verifyKey, maxAge)) {
            made = reader.header();
            summary = diff(reader, trustCtime, writer, differences::add);
            header = writer.commit();
        }
        Map<String, Object> stats = written(stats(summary, started), header);
        stats.put("accepted", differences.size());
        return report(started, ChangeMapping.changes(differences), summary, stats, describe(made));
    }

    private BaselineInfo info(Instant started) {
        return new BaselineInfo(Triage.hostName(root), root.display(), started, rules.digest(),
                EnumSet.allOf(Attribute.class));
    }

    /**
     * The baseline, its signature verified (or its absence warned of), its rules compared, and its
     * age: an old baseline put back in place of a newer one (a replay) passes every signature check,
     * so one older than {@code maxAge} is pointed out.
     */
    private BaselineReader open(Path db, PublicKey verifyKey, Duration maxAge) throws IOException {
        BaselineReader reader = BaselineReader.open(db);
        try {
            verify(reader, verifyKey);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
        if (!reader.header().info().rulesDigest().equals(rules.digest())) {
            warnings.add(db + ": made with other rules than these; paths they select differently show as added or removed");
        }
        Instant created = reader.header().info().created();
        if (maxAge != null && created.plus(maxAge).isBefore(clock.instant())) {
            warnings.add(db + ": made " + created + ", " + Duration.between(created, clock.instant()).toDays()
                    + " days ago, longer ago than --max-age: if a newer baseline was made since, this may be an old"
                    + " copy put back in its place");
        }
        return reader;
    }

    /** The baseline a check compared with, in its report: when, where and by whose key it was made. */
    private static Map<String, Object> describe(BaselineHeader h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseline_created", h.info().created().toString());
        m.put("baseline_host", h.info().host());
        m.put("baseline_root", h.info().root());
        m.put("baseline_entries", h.entryCount());
        m.put("baseline_signed_by", h.signed() ? h.signer() : "unsigned");
        return m;
    }

    private void verify(BaselineReader reader, PublicKey key) throws IOException {
        if (key == null) {
            if (!reader.header().signed()) {
                warnings.add(reader.file() + ": baseline is not signed; anyone who could write it could have edited it");
            }
            return;
        }
        BaselineSignature.Verdict verdict = BaselineSignature.verify(reader, key);
        if (verdict.status() != BaselineSignature.Status.VALID) {
            throw new Refused(verdict.message());
        }
    }

    /** One merge of the baseline with a scan; each scanned entry also goes to {@code writer} when given. */
    private ScanSummary diff(BaselineReader reader, boolean trustCtime, BaselineWriter writer, Consumer<Difference> out)
            throws IOException {
        Differ differ = new Differ(this::attributesOf);
        try (BaselineReader.Cursor cursor = reader.entries()) {
            Lookahead old = new Lookahead(cursor);
            TreeScanner scanner = trustCtime ? scanner().trustingCtime(old) : scanner();
            try (ScanStream now = new ScanStream(scanner)) {
                differ.diff(old, writer == null ? now : recording(now, writer), out);
                return now.summary();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
    }

    /** The scan, each entry written to {@code writer} as it passes. */
    private static Iterator<FileEntry> recording(Iterator<FileEntry> scan, BaselineWriter writer) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return scan.hasNext();
            }

            @Override
            public FileEntry next() {
                FileEntry e = scan.next();
                try {
                    writer.add(e);
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
                return e;
            }
        };
    }

    /** The attributes the rules select for an entry's path and type. */
    private Set<Attribute> attributesOf(FileEntry entry) {
        Optional<Set<Attribute>> asItIs = rules.select(entry.path(), entry.type());
        return asItIs.isPresent() ? asItIs.get() : attributesOf(entry.path());
    }

    /** The attributes the rules select for a path of any type: for an entry recorded under other rules. */
    private Set<Attribute> attributesOf(HostPath path) {
        for (FileType t : FileType.values()) {
            var selected = rules.select(path, t);
            if (selected.isPresent()) {
                return selected.get();
            }
        }
        return Set.of();
    }

    /**
     * Four scanning threads per core: a thread waiting for the disk holds no core, and on a cold tree
     * more reads in flight keep the disk busy (a cold /usr took a third less time than with one per core).
     */
    private TreeScanner scanner() {
        return new TreeScanner(root, rules, 4 * Runtime.getRuntime().availableProcessors(), progress);
    }

    private static Map<String, Object> written(Map<String, Object> stats, BaselineHeader header) {
        stats.put("entries", header.entryCount());
        stats.put("signed", header.signed());
        return stats;
    }

    private Map<String, Object> stats(ScanSummary summary, Instant started) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("files", summary.files());
        stats.put("bytes_hashed", summary.bytesHashed());
        stats.put("seconds", Duration.between(started, clock.instant()).toMillis() / 1000.0);
        return stats;
    }

    private Report report(Instant started, Changes changes, ScanSummary summary, Map<String, Object> stats,
                          Map<String, Object> about) {
        return new Report("ward", Ward.version(), Triage.hostName(root), root.display(), started, clock.instant(),
                List.of(), changes, summary.errors(), stats, about);
    }
}
