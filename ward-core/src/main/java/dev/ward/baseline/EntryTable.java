package dev.ward.baseline;

import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import dev.ward.model.FileEntry;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The layout of the {@code entries} table and how a {@link FileEntry} maps to a row. The path is a
 * BLOB primary key holding the raw bytes, so a name that is not UTF-8 is kept exactly, and SQLite's
 * BLOB order (memcmp, shorter first) is {@link HostPath}'s order. Times are seconds and nanoseconds
 * in two columns, since a forged mtime can lie beyond what one long of nanoseconds holds.
 */
final class EntryTable {
    static final String CREATE_HEADER = "CREATE TABLE header (key TEXT PRIMARY KEY, value TEXT NOT NULL)";
    static final String CREATE_ENTRIES = """
            CREATE TABLE entries (path BLOB PRIMARY KEY, type TEXT NOT NULL, perm INTEGER NOT NULL,
              uid INTEGER NOT NULL, gid INTEGER NOT NULL, size INTEGER NOT NULL, blocks INTEGER NOT NULL,
              nlink INTEGER NOT NULL, inode INTEGER NOT NULL, atime_s INTEGER, atime_ns INTEGER,
              mtime_s INTEGER, mtime_ns INTEGER, ctime_s INTEGER, ctime_ns INTEGER,
              link_target TEXT, hashes TEXT, xattrs TEXT) WITHOUT ROWID""";
    static final String INSERT = "INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    static final String COLUMNS = "path, type, perm, uid, gid, size, blocks, nlink, inode, atime_s, atime_ns,"
            + " mtime_s, mtime_ns, ctime_s, ctime_ns, link_target, hashes, xattrs";
    static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM entries ORDER BY path";
    static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM entries WHERE path = ?";

    private EntryTable() {
    }

    static void bind(PreparedStatement st, FileEntry e) throws SQLException {
        st.setBytes(1, e.path().bytes());
        st.setString(2, e.type().name());
        st.setInt(3, e.perm());
        st.setLong(4, e.uid());
        st.setLong(5, e.gid());
        st.setLong(6, e.size());
        st.setLong(7, e.blocks());
        st.setLong(8, e.nlink());
        st.setLong(9, e.inode());
        bindTime(st, 10, e.atime());
        bindTime(st, 12, e.mtime());
        bindTime(st, 14, e.ctime());
        st.setString(16, e.linkTarget());
        st.setString(17, encodeMap(e.hashes()));
        st.setString(18, encodeMap(e.xattrs()));
    }

    /** One row; a value ward would not have written is an IllegalArgumentException saying which. */
    static FileEntry read(ResultSet rs) throws SQLException {
        byte[] path = rs.getBytes(1);
        if (path == null || path.length == 0 || path[0] != '/') {
            throw new IllegalArgumentException("not an absolute path");
        }
        return new FileEntry(HostPath.ofBytes(path), type(rs.getString(2)),
                rs.getInt(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8),
                rs.getLong(9), readTime(rs, 10), readTime(rs, 12), readTime(rs, 14), rs.getString(16),
                decodeMap("hashes", rs.getString(17)), decodeMap("xattrs", rs.getString(18)));
    }

    private static FileType type(String name) {
        for (FileType t : FileType.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown type '" + name + "'");
    }

    private static void bindTime(PreparedStatement st, int at, Instant t) throws SQLException {
        if (t == null) {
            st.setNull(at, Types.INTEGER);
            st.setNull(at + 1, Types.INTEGER);
        } else {
            st.setLong(at, t.getEpochSecond());
            st.setInt(at + 1, t.getNano());
        }
    }

    private static Instant readTime(ResultSet rs, int at) throws SQLException {
        long seconds = rs.getLong(at);
        if (rs.wasNull()) {
            return null;
        }
        long nanos = rs.getLong(at + 1);
        if (nanos < 0 || nanos > 999_999_999 || seconds < -(1L << 40) || seconds > 1L << 40) {
            throw new IllegalArgumentException("a time out of range (" + seconds + " s, " + nanos + " ns)");
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /**
     * A map as "name=value" lines, or null when empty. Values are hex (hashes and xattr values), so
     * the last '=' splits; a name is escaped like a path so a newline in an xattr name stays one line.
     */
    static String encodeMap(Map<String, String> m) {
        if (m.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> kv : m.entrySet()) {
            out.append(HostPath.escape(kv.getKey().getBytes(StandardCharsets.UTF_8)))
                    .append('=').append(kv.getValue()).append('\n');
        }
        return out.toString();
    }

    /** The stored form of {@link #encodeMap} read back; a line without '=' is an IllegalArgumentException. */
    static Map<String, String> decodeMap(String column, String text) {
        Map<String, String> m = new TreeMap<>();
        if (text != null) {
            for (int start = 0; start < text.length(); ) {
                int end = text.indexOf('\n', start);
                end = end < 0 ? text.length() : end;
                int eq = text.lastIndexOf('=', end - 1);
                if (eq < start) {
                    throw new IllegalArgumentException("malformed " + column + " value (a line without '=')");
                }
                String name = text.substring(start, eq);
                if (name.indexOf('\\') >= 0) {
                    name = new String(HostPath.unescape(name), StandardCharsets.UTF_8);
                }
                m.put(name, text.substring(eq + 1, end));
                start = end + 1;
            }
        }
        return m;
    }
}
