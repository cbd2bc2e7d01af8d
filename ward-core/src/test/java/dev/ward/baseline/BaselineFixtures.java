package dev.ward.baseline;

import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import dev.ward.model.FileEntry;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;

/** Entries and headers for the baseline tests. */
final class BaselineFixtures {
    static final Instant CREATED = Instant.parse("2025-03-01T12:00:00.123456789Z");
    static final BaselineInfo INFO = new BaselineInfo("web01", "/", CREATED, "sha256:abcd",
            EnumSet.of(Attribute.PERM, Attribute.UID, Attribute.SHA256, Attribute.XATTRS, Attribute.LINK));

    private BaselineFixtures() {
    }

    static FileEntry file(HostPath path, long n) {
        return new FileEntry(path, FileType.REGULAR, 0644, 0, 0, n, 8, 1, 1000 + n,
                null, Instant.ofEpochSecond(1_700_000_000L + n, 5), Instant.ofEpochSecond(1_700_000_000L, 999_999_999),
                null, Map.of("sha256", String.format("%064x", n)), Map.of());
    }

    static FileEntry file(String path, long n) {
        return file(HostPath.of(path), n);
    }

    static FileEntry symlink(String path, String target) {
        return new FileEntry(HostPath.of(path), FileType.SYMLINK, 0777, 0, 0, target.length(), 0, 1, 77,
                Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, target, Map.of(),
                Map.of("security.selinux", "73797374656d5f75", "user.odd=na\nme", "00"));
    }

    /** A path of 100k distinct names spread over directories, for the bulk tests. */
    static HostPath numbered(long i) {
        return HostPath.of(String.format("/usr/lib/d%03d/file-%07d", i % 500, i));
    }
}
