package dev.ward.collect.logs;

import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.host.OpenedFile;
import dev.ward.host.SqliteNative;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * A SQLite database of the inspected host (wtmpdb's, lastlog2's) opened from a private copy: SQLite
 * opening a database in WAL mode writes beside it (the {@code -shm} index) even to read, and
 * reading the file in place would change its atime. The copy takes the database and its write-ahead
 * log, read without touching atimes, so the sessions not yet checkpointed are read too.
 */
final class SqliteCopy implements AutoCloseable {
    private final Path dir;
    private final Connection db;

    private SqliteCopy(Path dir, Connection db) {
        this.dir = dir;
        this.db = db;
    }

    /** Copies and opens {@code file}; the caller closes it, which deletes the copy. */
    static SqliteCopy open(HostRoot root, HostPath file) throws IOException {
        Path dir = Files.createTempDirectory("ward-sqlite");
        try {
            Path copy = dir.resolve("db");
            copy(root, file, copy);
            HostPath wal = HostPath.parse(file.display() + "-wal");
            if (root.lstatOrEmpty(wal).isPresent()) {
                copy(root, wal, dir.resolve("db-wal"));
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setOpenMode(SQLiteOpenMode.READWRITE); // the copy's -shm is made beside it, in the private directory
            SqliteNative.configure();
            return new SqliteCopy(dir, DriverManager.getConnection("jdbc:sqlite:" + copy, config.toProperties()));
        } catch (IOException | SQLException e) {
            delete(dir);
            throw new IOException(file.display() + ": " + e.getMessage(), e);
        }
    }

    private static void copy(HostRoot root, HostPath from, Path to) throws IOException {
        try (OpenedFile in = root.openFollowing(from)) {
            Files.copy(in.contents(), to);
        }
    }

    Connection db() {
        return db;
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // the copy goes all the same
        }
        delete(dir);
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }

}
