package dev.ward.baseline;

import dev.ward.Ward;
import dev.ward.host.SqliteNative;
import dev.ward.model.FileEntry;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteException;

/**
 * Writes a baseline, all or nothing. Entries stream into a temporary database beside the target
 * ({@code .NAME.tmp-XXXX}) in one transaction of batched inserts; {@link #commit} writes the header,
 * signs when given a key, syncs the file and renames it over the target. The rename is what makes it
 * atomic, so the temporary file is written with no journal and no syncs: a crash or kill -9 leaves
 * the previous baseline untouched and at worst a stray temporary file, never a half-written target.
 * Closing without a commit, or any failure, deletes the temporary file.
 *
 * <pre>{@code try (BaselineWriter w = BaselineWriter.create(target, info, keyOrNull)) {
 *     entries.forEach(w::add);  w.commit();
 * }}</pre>
 */
public final class BaselineWriter implements AutoCloseable {
    /** Rows per executeBatch: large enough to amortise the JNI calls, small enough to bound memory. */
    private static final int BATCH = 4096;

    private final Path target;
    private final Path temp;
    private final BaselineInfo info;
    private final KeyPair key;
    private final Connection db;
    private final PreparedStatement insert;
    private long count;
    private int pending;
    private boolean done;

    private BaselineWriter(Path target, Path temp, BaselineInfo info, KeyPair key) throws SQLException {
        this.target = target;
        this.temp = temp;
        this.info = info;
        this.key = key;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.OFF);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        config.setTempStore(SQLiteConfig.TempStore.FILE);
        SqliteNative.configure();
        this.db = DriverManager.getConnection("jdbc:sqlite:" + temp, config.toProperties());
        try (Statement st = db.createStatement()) {
            st.execute(EntryTable.CREATE_HEADER);
            st.execute(EntryTable.CREATE_ENTRIES);
        }
        db.setAutoCommit(false);
        this.insert = db.prepareStatement(EntryTable.INSERT);
    }

    /**
     * Starts a baseline that will replace {@code target}; {@code key} signs it, or null for none. A
     * symlink to a baseline is written through: the file it leads to is replaced and the link kept,
     * so a baseline kept on other media stays there.
     */
    public static BaselineWriter create(Path target, BaselineInfo info, KeyPair key) throws BaselineException {
        if (Files.isSymbolicLink(target) && Files.exists(target)) {
            try {
                target = target.toRealPath();
            } catch (IOException e) {
                throw new BaselineException(target, "cannot follow the link: " + reason(e));
            }
        }
        Path dir = target.toAbsolutePath().getParent();
        Path temp;
        try {
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".tmp-", "");
        } catch (IOException e) {
            throw new BaselineException(target, "cannot create a temporary file in " + dir + ": " + reason(e));
        }
        try {
            return new BaselineWriter(target, temp, info, key);
        } catch (SQLException e) {
            deleteQuietly(temp);
            throw failure(target, e);
        }
    }

    /** Adds one entry; paths must be unique, in any order. */
    public void add(FileEntry entry) throws BaselineException {
        try {
            EntryTable.bind(insert, entry);
            insert.addBatch();
            count++;
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        } catch (SQLException e) {
            throw abort(failure(target, e));
        }
    }

    /** Finishes: header, signature, sync, then the atomic rename over the target. */
    public BaselineHeader commit() throws BaselineException {
        try {
            insert.executeBatch();
            BaselineHeader header = sign(new BaselineHeader(
                    BaselineHeader.FORMAT_VERSION, Ward.version(), info, count, null, null));
            try (PreparedStatement st = db.prepareStatement("INSERT INTO header VALUES (?, ?)")) {
                for (var kv : header.toMap().entrySet()) {
                    st.setString(1, kv.getKey());
                    st.setString(2, kv.getValue());
                    st.addBatch();
                }
                st.executeBatch();
            }
            db.commit();
            closeDb();
            publish();
            done = true;
            return header;
        } catch (SQLException e) {
            throw abort(failure(target, e));
        } catch (IOException | GeneralSecurityException e) {
            throw abort(new BaselineException(target, "cannot write the baseline: " + reason(e), e));
        }
    }

    private BaselineHeader sign(BaselineHeader header) throws SQLException, GeneralSecurityException {
        if (key == null) {
            return header;
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(EntryTable.SELECT_ALL)) {
            return BaselineSignature.sign(header, new BaselineReader.Cursor(rs, st, target), key);
        }
    }

    /** fsync the file, rename it over the target, fsync the directory so the rename itself survives. */
    private void publish() throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(temp.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    /** Without a commit, throws the work away: the target is left as it was. */
    @Override
    public void close() {
        if (!done) {
            abort(null);
        }
    }

    private BaselineException abort(BaselineException e) {
        done = true;
        try {
            closeDb();
        } catch (SQLException ignored) {
            // the file is deleted next; nothing in it matters any more
        }
        deleteQuietly(temp);
        return e;
    }

    private void closeDb() throws SQLException {
        if (!db.isClosed()) {
            insert.close();
            db.close();
        }
    }

    /** SQLite's codes made readable: a full disk is the common case worth naming. */
    private static BaselineException failure(Path target, SQLException e) {
        if (e instanceof SQLiteException s && (s.getErrorCode() & 0xff) == 13) {
            return new BaselineException(target, "disk full while writing the baseline", e);
        }
        return new BaselineException(target, "cannot write the baseline: " + reason(e), e);
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stray temporary file is harmless: its name never matches a target
        }
    }
}
