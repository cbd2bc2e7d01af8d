package dev.ward.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ward.Fuzz;
import dev.ward.host.HostRoot;
import dev.ward.host.SqliteNative;
import dev.ward.model.FileEntry;
import dev.ward.rules.RuleSet;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baseline rows as an intruder could edit them in an unsigned baseline: each input is one column of
 * one row of a real baseline (of this host's /etc/ssl and /etc/alternatives: files, links, hashes)
 * with its bytes mutated, stored as SQLite stores whatever it is given (a blob, or text where the
 * path was a blob), and read back through the baseline's cursor. Every input either reads or stops at
 * a bad-data error naming the row, and the rows before it come back as they were.
 */
class BaselineRowsFuzzTest {
    /** The columns mutated, by the first byte of an input; the path twice, as a blob and as text. */
    private static final String[] COLUMNS = {"path", "path", "type", "hashes", "xattrs", "link_target", "size", "mtime_ns"};
    private static final int ROWS = 8;
    private static final int VICTIM = 4;

    @TempDir
    Path dir;

    @Test
    void editedRowsAreReadOrRefusedNamingTheRow() throws Exception {
        List<FileEntry> original = realEntries();
        SqliteNative.configure();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement st = db.createStatement()) {
                st.execute(EntryTable.CREATE_ENTRIES);
            }
            restore(db, original);
            List<byte[]> seeds = new ArrayList<>();
            for (int c = 0; c < COLUMNS.length; c++) {
                for (FileEntry e : original) {
                    seeds.add(seed(c, e));
                }
            }
            byte[] victimPath = original.get(VICTIM).path().bytes();
            long[] counts = new long[2];
            Fuzz.run("baseline-rows", seeds, 1, 100_000, 16, Duration.ofSeconds(2), Set.of(), input -> {
                counts[readAfterEdit(db, victimPath, input, original) ? 0 : 1]++;
            });
            assertTrue(counts[0] > 1000 && counts[1] > 1000, "read " + counts[0] + ", refused " + counts[1]);
        }
    }

    /** Edits the victim row as {@code input} says, reads every row back, and puts the row back. */
    private static boolean readAfterEdit(Connection db, byte[] victimPath, byte[] input, List<FileEntry> original)
            throws SQLException {
        int column = (input[0] & 0xff) % COLUMNS.length;
        byte[] value = java.util.Arrays.copyOfRange(input, 1, input.length);
        String name = COLUMNS[column];
        try (Statement edit = db.createStatement()) {
            String literal = switch (name) {
                case "size", "mtime_ns" -> Long.toString(ByteBuffer.wrap(java.util.Arrays.copyOf(value, 8)).getLong());
                default -> (column == 1 ? "CAST(X'%s' AS TEXT)" : "X'%s'").formatted(HexFormat.of().formatHex(value));
            };
            edit.executeUpdate("UPDATE entries SET " + name + " = " + literal
                    + " WHERE path = X'" + HexFormat.of().formatHex(victimPath) + "'");
        } catch (SQLException e) {
            return true; // a path another row has (the table's key refuses it): nothing to read
        }
        try {
            return readsAsBefore(db, original);
        } finally {
            restore(db, original);
        }
    }

    private static void restore(Connection db, List<FileEntry> original) throws SQLException {
        try (Statement clear = db.createStatement(); PreparedStatement insert = db.prepareStatement(EntryTable.INSERT)) {
            clear.executeUpdate("DELETE FROM entries");
            for (FileEntry e : original) {
                EntryTable.bind(insert, e);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * True when every row read, false when the cursor refused one; either way the rows it gave are
     * the untouched ones in order, with at most the edited one among them.
     */
    private static boolean readsAsBefore(Connection db, List<FileEntry> original) throws SQLException {
        List<FileEntry> read = new ArrayList<>();
        boolean whole = true;
        Statement st = db.createStatement();
        try (BaselineReader.Cursor cursor = new BaselineReader.Cursor(st.executeQuery(EntryTable.SELECT_ALL), st,
                Path.of("base.db"))) {
            while (cursor.hasNext()) {
                read.add(cursor.next());
            }
        } catch (UncheckedIOException e) {
            BaselineException refused = (BaselineException) e.getCause();
            assertEquals(BaselineException.Kind.DAMAGED, refused.kind(), refused.getMessage());
            assertTrue(refused.getMessage().startsWith("base.db: row ") || refused.getMessage().startsWith(
                    "base.db: cannot read entries"), refused.getMessage());
            whole = false;
        }
        List<FileEntry> untouched = new ArrayList<>(original);
        untouched.remove(VICTIM);
        List<FileEntry> others = read.stream().filter(untouched::contains).toList();
        assertEquals(untouched.subList(0, others.size()), others);
        assertTrue(read.size() - others.size() <= 1, read.toString());
        return whole;
    }

    /** A column's value of a real entry as the bytes to mutate, after the column's number. */
    private static byte[] seed(int column, FileEntry e) {
        byte[] value = switch (COLUMNS[column]) {
            case "path" -> e.path().bytes();
            case "type" -> e.type().name().getBytes(StandardCharsets.US_ASCII);
            case "hashes" -> String.valueOf(EntryTable.encodeMap(e.hashes())).getBytes(StandardCharsets.UTF_8);
            case "xattrs" -> String.valueOf(EntryTable.encodeMap(e.xattrs())).getBytes(StandardCharsets.UTF_8);
            case "link_target" -> String.valueOf(e.linkTarget()).getBytes(StandardCharsets.UTF_8);
            case "size" -> ByteBuffer.allocate(8).putLong(e.size()).array();
            default -> ByteBuffer.allocate(8).putLong(e.mtime().getNano()).array();
        };
        byte[] out = new byte[value.length + 1];
        out[0] = (byte) column;
        System.arraycopy(value, 0, out, 1, value.length);
        return out;
    }

    /** Entries of a real scan of this host, written to a baseline and read back. */
    private List<FileEntry> realEntries() throws Exception {
        Path file = Files.createDirectories(dir.resolve("tree/etc")).resolve("noted");
        Files.writeString(file, "a file with extended attributes");
        Files.setAttribute(file, "user:ward.note", "seen\nhere".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(dir.resolve("tree/etc/link"), Path.of("noted"));
        RuleSet rules = RuleSet.parse("rules", "N = p+u+g+s+m+c+l+sha256+sha512+xattrs\n/etc N\n"
                .getBytes(StandardCharsets.UTF_8), "host");
        Path db = dir.resolve("base.db");
        List<FileEntry> all = new ArrayList<>();
        try (HostRoot root = HostRoot.open(dir.resolve("tree"))) {
            new TreeScanner(root, rules).scan(all::add);
        }
        try (HostRoot live = HostRoot.live()) {
            RuleSet etc = RuleSet.parse("rules", "N = p+u+g+s+m+c+l+sha256+sha512+xattrs\n/etc/alternatives N\n"
                    .getBytes(StandardCharsets.UTF_8), "host");
            new TreeScanner(live, etc).scan(e -> {
                if (all.size() < ROWS) {
                    all.add(e);
                }
            });
        }
        all.sort(java.util.Comparator.comparing(FileEntry::path));
        BaselineStoreTest.write(db, all);
        List<FileEntry> back = BaselineStoreTest.readAll(db);
        assertEquals(ROWS, back.size());
        return back;
    }
}
