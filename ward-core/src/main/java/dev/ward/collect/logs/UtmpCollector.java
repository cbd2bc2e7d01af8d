package dev.ward.collect.logs;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.host.FileStat;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import dev.ward.model.UtmpRecord;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The records of {@code /var/log/wtmp} (logins, logouts, boots, shutdowns) and {@code btmp}
 * (failed logins), with their first rotations, oldest first, streamed: a sparse file's holes are
 * not read, and a run of zeroed records is one record however long. What the parser finds wrong
 * (a torn last record, more than {@value #LIMIT} records) is a collection error naming the file and
 * offset; the records before it are kept. Then wtmpdb's database
 * ({@code /var/lib/wtmpdb/wtmp.db}, Debian 13's and openSUSE's successor to wtmp), whose rows become
 * the records wtmp would hold: a boot, a clean shutdown (the boot row's logout), and each session's
 * login and logout, in order of time.
 */
public final class UtmpCollector implements Collector<UtmpRecord> {
    static final List<String> FILES = List.of("/var/log/wtmp.1", "/var/log/wtmp", "/var/log/btmp.1", "/var/log/btmp");
    static final HostPath WTMPDB = HostPath.of("/var/lib/wtmpdb/wtmp.db");
    /** wtmpdb's row types. */
    private static final int DB_BOOT = 1;
    private static final int DB_USER = 3;
    /** Records and runs of zeroed records kept of each file: a file of 400 MB of real records. */
    static final int LIMIT = 1 << 20;

    @Override
    public String source() {
        return "utmp";
    }

    @Override
    public Class<UtmpRecord> type() {
        return UtmpRecord.class;
    }

    @Override
    public CollectResult<UtmpRecord> collect(Scan scan) {
        List<UtmpRecord> out = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        for (String name : FILES) {
            try {
                UtmpParser.Result r = read(scan.root(), HostPath.of(name));
                out.addAll(r.records());
                r.problems().forEach(p -> errors.add(new CollectionError(source(), name, p)));
            } catch (HostException e) {
                if (!e.isMissing()) {
                    errors.add(new CollectionError(source(), name, e.reason()));
                }
            }
        }
        if (scan.root().lstatOrEmpty(WTMPDB).isPresent()) {
            try {
                out.addAll(wtmpdb(scan.root()));
            } catch (IOException | SQLException e) {
                errors.add(new CollectionError(source(), WTMPDB.display(), e.getMessage()));
            }
        }
        return new CollectResult<>(out, errors);
    }

    /** A file streamed through the parser, its holes not read. */
    static UtmpParser.Result read(HostRoot root, HostPath file) throws HostException {
        long size = root.lstat(file).map(FileStat::size).orElse(0L);
        UtmpParser parser = new UtmpParser(file.display(), size, LIMIT);
        root.readSparse(file, parser);
        return parser.finish();
    }

    static List<UtmpRecord> wtmpdb(HostRoot root) throws IOException, SQLException {
        String file = WTMPDB.display();
        List<UtmpRecord> out = new ArrayList<>();
        try (SqliteCopy copy = SqliteCopy.open(root, WTMPDB);
             Statement st = copy.db().createStatement();
             ResultSet rs = st.executeQuery("SELECT ID, Type, User, Login, Logout, TTY, RemoteHost FROM wtmp ORDER BY ID")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                int type = rs.getInt(2);
                String user = rs.getString(3);
                String tty = Objects.toString(rs.getString(6), "");
                String host = Objects.toString(rs.getString(7), "");
                Instant login = micros(rs.getLong(4));
                Instant logout = rs.getObject(5) == null ? null : micros(rs.getLong(5));
                if (type == DB_BOOT) {
                    out.add(new UtmpRecord(file, id, id, UtmpRecord.BOOT_TIME, 0, tty, "reboot", host, login, 0));
                    if (logout != null) {
                        out.add(new UtmpRecord(file, id, id, UtmpRecord.RUN_LVL, 0, tty, "shutdown", host, logout, 0));
                    }
                } else if (type == DB_USER) {
                    out.add(new UtmpRecord(file, id, id, UtmpRecord.USER_PROCESS, 0, tty, user, host, login, 0));
                    if (logout != null) {
                        out.add(new UtmpRecord(file, id, id, UtmpRecord.DEAD_PROCESS, 0, tty, "", "", logout, 0));
                    }
                }
            }
        }
        out.sort(Comparator.comparing(UtmpRecord::time));
        return out;
    }

    private static Instant micros(long us) {
        return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000), Math.floorMod(us, 1_000_000) * 1000L);
    }
}
