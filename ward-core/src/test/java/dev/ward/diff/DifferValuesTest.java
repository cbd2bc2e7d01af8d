package dev.ward.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ward.baseline.Attribute;
import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import dev.ward.model.FileEntry;
import dev.ward.report.Change;
import dev.ward.report.Changes;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the report gets of a difference, and the differ's guard on its input order. */
class DifferValuesTest {
    static final Set<Attribute> ATTRS = EnumSet.of(Attribute.PERM, Attribute.MTIME, Attribute.SIZE, Attribute.SHA256);

    static FileEntry entry(String path, FileType type, int perm, long size, String mtime, String sha) {
        return new FileEntry(HostPath.parse(path), type, perm, 0, 0, size, 0, 1, 7, null, Instant.parse(mtime), null,
                null, sha == null ? Map.of() : Map.of("sha256", sha), Map.of());
    }

    @Test
    void valuesAreShapedForJson() {
        FileEntry old = entry("/bin/\\xffx", FileType.REGULAR, 0755, 10, "2024-01-01T00:00:00Z", "aa");
        FileEntry now = entry("/bin/\\xffx", FileType.SYMLINK, 04755, 12, "2024-02-01T00:00:00.5Z", null);
        Change c = ChangeMapping.change(new Differ(p -> ATTRS).compare(old, now).orElseThrow());
        assertEquals("/bin/\\xffx", c.path());
        assertEquals(List.of("ftype", "perm", "size", "mtime", "sha256"), c.attributes());
        assertEquals(Map.of("ftype", "regular", "perm", "0755", "size", 10L, "mtime", "2024-01-01T00:00:00Z",
                "sha256", "aa"), c.old());
        assertEquals("symlink", c.now().get("ftype"));
        assertEquals("4755", c.now().get("perm"));
        assertEquals("2024-02-01T00:00:00.500Z", c.now().get("mtime"));
        assertEquals(null, c.now().get("sha256"));
    }

    @Test
    void addedAndRemovedCarryTheirRecordedValues() {
        FileEntry a = entry("/a", FileType.REGULAR, 0644, 1, "2024-01-01T00:00:00Z", "11");
        FileEntry b = entry("/b", FileType.REGULAR, 0600, 2, "2024-01-01T00:00:00Z", "22");
        Changes changes = ChangeMapping.changes(new Differ(p -> ATTRS).diff(List.of(a), List.of(b)));
        assertEquals(List.of("/a"), changes.removed().stream().map(Change::path).toList());
        assertEquals("0644", changes.removed().getFirst().old().get("perm"));
        assertEquals(List.of("ftype", "perm", "size", "mtime", "sha256"),
                List.copyOf(changes.added().getFirst().now().keySet()));
        assertEquals(List.of(), changes.changed());
    }

    @Test
    void unsortedInputIsRefused() {
        FileEntry a = entry("/a", FileType.REGULAR, 0644, 1, "2024-01-01T00:00:00Z", "11");
        FileEntry b = entry("/b", FileType.REGULAR, 0644, 1, "2024-01-01T00:00:00Z", "11");
        assertThrows(IllegalArgumentException.class, () -> new Differ(p -> ATTRS).diff(List.of(b, a), List.of()));
    }
}
