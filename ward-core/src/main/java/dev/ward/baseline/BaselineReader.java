package dev.ward.baseline;

import dev.ward.host.HostPath;
import dev.ward.host.SqliteNative;
import dev.ward.model.FileEntry;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * Reads a baseline without ever writing to it (read-only connection). The header is checked when
 * opened; entries stream in path byte order through a {@link Cursor}, so a differ can merge-join them
 * with a sorted scan of the host while holding one row at a time.
 */
public final class BaselineReader implements AutoCloseable {
    private final Path file;
    private final Connection db;
    private final BaselineHeader header;

    private BaselineReader(Path file, Connection db) throws BaselineException {
        this.file = file;
        this.db = db;
        this.header = readHeader();
    }

    /** Opens and validates {@code file}: a missing file, a non-SQLite file or a foreign database is refused. */
    public static BaselineReader open(Path file) throws BaselineException {
        if (!Files.isRegularFile(file)) {
            throw Files.exists(file) ? BaselineException.damaged(file, "not a regular file")
                    : new BaselineException(BaselineException.Kind.MISSING, file, "no such file", null);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        Connection db;
        try {
            SqliteNative.configure();
            db = DriverManager.getConnection("jdbc:sqlite:" + immutable(file), config.toProperties());
        } catch (SQLException e) {
            throw new BaselineException(file, "cannot open: " + e.getMessage(), e);
        }
        try {
            return new BaselineReader(file, db);
        } catch (BaselineException e) {
            closeQuietly(db);
            throw e;
        }
    }

    /**
     * The file as an SQLite URI with {@code immutable=1}: SQLite then takes no lock and makes no file
     * beside it. Without it, a baseline whose header says write-ahead log (an edited one) would have
     * SQLite make {@code -wal} and {@code -shm} files beside it even on a read-only connection.
     */
    private static String immutable(Path file) {
        StringBuilder uri = new StringBuilder("file:");
        for (byte b : file.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c == '%' || c == '?' || c == '#' || c <= 0x20 || c >= 0x7f) {
                uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            } else {
                uri.append((char) c);
            }
        }
        return uri.append("?immutable=1").toString();
    }

    private BaselineHeader readHeader() throws BaselineException {
        Map<String, String> m = new HashMap<>();
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('header', 'entries')")) {
                if (!rs.next() || rs.getInt(1) != 2) {
                    throw BaselineException.damaged(file, "not a ward baseline (no header table)");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT key, value FROM header")) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw unreadable(file, e, "cannot read");
        }
        return validate(m);
    }

    private BaselineHeader validate(Map<String, String> m) throws BaselineException {
        String version = m.get("format_version");
        if (version != null && !version.equals(Integer.toString(BaselineHeader.FORMAT_VERSION))) {
            throw BaselineException.damaged(file, "baseline format " + version
                    + ", this ward reads format " + BaselineHeader.FORMAT_VERSION);
        }
        try {
            return BaselineHeader.fromMap(m);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new BaselineException(BaselineException.Kind.DAMAGED, file,
                    "damaged baseline header: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public BaselineHeader header() {
        return header;
    }

    /** All entries in path byte order; close the cursor when done (or use {@link #forEach}). */
    public Cursor entries() throws BaselineException {
        Statement st = null;
        try {
            st = db.createStatement();
            return new Cursor(st.executeQuery(EntryTable.SELECT_ALL), st, file);
        } catch (SQLException e) {
            if (st != null) {
                closeQuietly(st);
            }
            throw unreadable(file, e, "cannot read entries");
        }
    }

    public void forEach(Consumer<? super FileEntry> action) throws BaselineException {
        try (Cursor c = entries()) {
            c.forEachRemaining(action);
        }
    }

    /** One entry by its path, through the primary key index. */
    public Optional<FileEntry> lookup(HostPath path) throws BaselineException {
        try (PreparedStatement st = db.prepareStatement(EntryTable.SELECT_ONE)) {
            st.setBytes(1, path.bytes());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(EntryTable.read(rs)) : Optional.empty();
            }
        } catch (SQLException | RuntimeException e) {
            throw unreadable(file, e, "cannot read the entry of " + path.display());
        }
    }

    /**
     * A read that failed: bad data when SQLite says the file is no database or a damaged one
     * (SQLITE_NOTADB, SQLITE_CORRUPT), or when a value is not what ward writes; an I/O error else.
     */
    static BaselineException unreadable(Path file, Exception e, String what) {
        int code = e instanceof SQLiteException s ? s.getErrorCode() & 0xff : -1;
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        if (code == 26) {
            return new BaselineException(BaselineException.Kind.DAMAGED, file, "not a ward baseline (not an SQLite database)", e);
        }
        boolean damaged = code == 11 || e instanceof RuntimeException;
        return new BaselineException(damaged ? BaselineException.Kind.DAMAGED : BaselineException.Kind.IO, file,
                what + ": " + why, e);
    }

    @Override
    public void close() {
        closeQuietly(db);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a read-only handle loses nothing
        }
    }

    /**
     * A forward-only scan over entries, in path byte order; a read error surfaces as
     * UncheckedIOException. Every row is checked as it comes: a value ward would not have written (a
     * malformed map, an unknown type, a missing path) or a path out of order (a merge with a sorted scan
     * would go wrong silently) is bad data naming the row.
     */
    public static final class Cursor implements Iterator<FileEntry>, AutoCloseable {
        private final ResultSet rs;
        private final Statement st;
        private final Path file;
        private Boolean ahead;
        private long row;
        private byte[] last;

        Cursor(ResultSet rs, Statement st, Path file) {
            this.rs = rs;
            this.st = st;
            this.file = file;
        }

        @Override
        public boolean hasNext() {
            if (ahead == null) {
                try {
                    ahead = rs.next();
                } catch (SQLException e) {
                    throw new UncheckedIOException(unreadable(file, e, "cannot read entries after row " + row));
                }
            }
            return ahead;
        }

        @Override
        public FileEntry next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            ahead = null;
            row++;
            FileEntry entry;
            try {
                entry = EntryTable.read(rs);
            } catch (SQLException | RuntimeException e) {
                throw new UncheckedIOException(unreadable(file, e, "row " + row));
            }
            byte[] path = entry.path().bytes();
            if (last != null && Arrays.compareUnsigned(last, path) >= 0) {
                throw new UncheckedIOException(BaselineException.damaged(file, "row " + row + ": "
                        + entry.path().display() + " comes after " + HostPath.ofBytes(last).display()
                        + ": paths out of order or repeated"));
            }
            last = path;
            return entry;
        }

        @Override
        public void close() {
            closeQuietly(rs);
            closeQuietly(st);
        }
    }
}
