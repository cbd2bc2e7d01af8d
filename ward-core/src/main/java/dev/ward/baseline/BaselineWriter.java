package dev.ward.baseline;

import dev.ward.Ward;
import dev.ward.host.SqliteNative;
import dev.ward.host.TargetFile;
import dev.ward.model.FileEntry;
import java.io.IOException;
import java.nio.file.Path;
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
 * Writes a baseline, all or nothing. Entries stream into a new database in a directory of ward's own
 * beside the target ({@code .NAME.PID.d}, mode 0700: see {@link TargetFile#privateDirectory}) in one
 * transaction of batched inserts; {@link #commit} writes the header, signs when given a key, syncs
 * the file and renames it over the target. The rename is what makes it atomic, so the new file is
 * written with no journal and no syncs: a crash or kill -9 leaves the previous baseline untouched and
 * at worst the directory, which the next write of the same target removes. Closing without a commit,
 * or any failure, removes it at once. The target is locked meanwhile: a second writer of the same
 * baseline is refused ({@link TargetFile.Busy}) rather than racing the first.
 *
 * <pre>{@code try (BaselineWriter w = BaselineWriter.create(target, info, keyOrNull)) {
 *     entries.forEach(w::add);  w.commit();
 * }}</pre>
 */
public final class BaselineWriter implements AutoCloseable {
    /** Rows per executeBatch: large enough to amortise the JNI calls, small enough to bound memory. */
    private static final int BATCH = 4096;
    /** The new database's name in the private directory. */
    private static final String FILE = "baseline";

    private final Path target;
    private final TargetFile file;
    private final AutoCloseable lock;
    private final TargetFile.PrivateDir dir;
    private final BaselineInfo info;
    private final KeyPair key;
    private final Connection db;
    private final PreparedStatement insert;
    private long count;
    private int pending;
    private boolean done;

    private BaselineWriter(Path target, TargetFile file, AutoCloseable lock, TargetFile.PrivateDir dir,
                           BaselineInfo info, KeyPair key) throws SQLException {
        this.target = target;
        this.file = file;
        this.lock = lock;
        this.dir = dir;
        this.info = info;
        this.key = key;
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.OFF);
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF);
        config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        SqliteNative.configure();
        this.db = DriverManager.getConnection("jdbc:sqlite:" + dir.file(FILE), config.toProperties());
        try (Statement st = db.createStatement()) {
            st.execute(EntryTable.CREATE_HEADER);
            st.execute(EntryTable.CREATE_ENTRIES);
        }
        db.setAutoCommit(false);
        this.insert = db.prepareStatement(EntryTable.INSERT);
    }

    /**
     * Starts a baseline that will replace {@code target}; {@code key} signs it, or null for none. A
     * symlink to a baseline is written through when it is the user's (the file it leads to is
     * replaced and the link kept, so a baseline kept on other media stays there); one another user
     * could have planted is refused, as every file ward writes ({@link TargetFile}).
     */
    public static BaselineWriter create(Path target, BaselineInfo info, KeyPair key) throws IOException {
        TargetFile file = TargetFile.of(target);
        AutoCloseable lock = null;
        TargetFile.PrivateDir dir = null;
        try {
            lock = file.lock();
            dir = file.privateDirectory();
            return new BaselineWriter(target, file, lock, dir, info, key);
        } catch (SQLException e) {
            release(dir, lock, file);
            throw failure(target, e);
        } catch (IOException | RuntimeException e) {
            release(dir, lock, file);
            throw e;
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
            dir.publish(FILE);
            done = true;
            release(dir, lock, file);
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
        release(dir, lock, file);
        return e;
    }

    /** The private directory removed, the lock let go, the target's directory closed. */
    private static void release(TargetFile.PrivateDir dir, AutoCloseable lock, TargetFile file) {
        if (dir != null) {
            dir.close();
        }
        try {
            if (lock != null) {
                lock.close();
            }
        } catch (Exception ignored) {
            // closing a descriptor: nothing to undo
        }
        file.close();
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
}
