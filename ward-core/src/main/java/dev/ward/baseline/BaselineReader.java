package dev.ward.baseline;

import dev.ward.host.HostPath;
import dev.ward.host.SqliteNative;
import dev.ward.model.FileEntry;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
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
            throw new BaselineException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        Connection db;
        try {
            SqliteNative.configure();
            db = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
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

    private BaselineHeader readHeader() throws BaselineException {
        Map<String, String> m = new HashMap<>();
        try (Statement st = db.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('header', 'entries')")) {
                if (!rs.next() || rs.getInt(1) != 2) {
                    throw new BaselineException(file, "not a ward baseline (no header table)");
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT key, value FROM header")) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLiteException e) {
            // SQLITE_NOTADB (26): the file exists but is not SQLite at all
            String why = (e.getErrorCode() & 0xff) == 26 ? "not a ward baseline (not an SQLite database)"
                    : "cannot read: " + e.getMessage();
            throw new BaselineException(file, why, e);
        } catch (SQLException e) {
            throw new BaselineException(file, "cannot read: " + e.getMessage(), e);
        }
        return validate(m);
    }

    private BaselineHeader validate(Map<String, String> m) throws BaselineException {
        String version = m.get("format_version");
        if (version != null && !version.equals(Integer.toString(BaselineHeader.FORMAT_VERSION))) {
            throw new BaselineException(file, "baseline format " + version + ", this ward reads format "
                    + BaselineHeader.FORMAT_VERSION);
        }
        try {
            return BaselineHeader.fromMap(m);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new BaselineException(file, "damaged baseline header: " + e.getMessage(), e);
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
            throw new BaselineException(file, "cannot read entries: " + e.getMessage(), e);
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
        } catch (SQLException e) {
            throw new BaselineException(file, "cannot read entries: " + e.getMessage(), e);
        }
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

    /** A forward-only scan over entries; a read error surfaces as UncheckedIOException. */
    public static final class Cursor implements Iterator<FileEntry>, AutoCloseable {
        private final ResultSet rs;
        private final Statement st;
        private final Path file;
        private Boolean ahead;

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
                    throw new UncheckedIOException(new BaselineException(file, "cannot read entries: " + e.getMessage(), e));
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
            try {
                return EntryTable.read(rs);
            } catch (SQLException | IllegalArgumentException e) {
                throw new UncheckedIOException(new BaselineException(file, "damaged entry: " + e.getMessage(), e));
            }
        }

        @Override
        public void close() {
            closeQuietly(rs);
            closeQuietly(st);
        }
    }
}
