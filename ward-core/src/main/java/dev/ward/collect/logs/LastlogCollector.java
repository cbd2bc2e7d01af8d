package dev.ward.collect.logs;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import dev.ward.model.CollectionError;
import dev.ward.model.LastLogin;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Each user's last login: {@code /var/log/lastlog}, an array of records indexed by uid (a sparse
 * file read by {@link LastlogParser}), named through the root's {@code /etc/passwd}, what is wrong
 * with it a collection error naming the offset; and util-linux's {@code lastlog2} database
 * ({@code /var/lib/lastlog/lastlog2.db}) that replaces it on Debian 13. Uids past
 * {@value #MAX_UID} (directory-service ranges) are not looked up in the array: its file would be
 * gigabytes of holes.
 */
public final class LastlogCollector implements Collector<LastLogin> {
    static final HostPath LASTLOG = HostPath.of("/var/log/lastlog");
    static final HostPath LASTLOG2 = HostPath.of("/var/lib/lastlog/lastlog2.db");
    static final long MAX_UID = 1L << 20;

    @Override
    public String source() {
        return "lastlog";
    }

    @Override
    public Class<LastLogin> type() {
        return LastLogin.class;
    }

    @Override
    public CollectResult<LastLogin> collect(Scan scan) {
        List<LastLogin> out = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        HostRoot root = scan.root();
        if (root.lstatOrEmpty(LASTLOG).isPresent()) {
            TreeMap<Long, String> names = new TreeMap<>(AccountsCollector.names(scan));
            long top = names.keySet().stream().filter(u -> u >= 0 && u <= MAX_UID).max(Long::compare).orElse(0L);
            try {
                long size = root.lstatOrEmpty(LASTLOG).get().size();
                LastlogParser.Result r = LastlogParser.parse(root.read(LASTLOG, (top + 1) * LastlogParser.LONG), size,
                        names.headMap(MAX_UID, true));
                out.addAll(r.logins());
                r.problems().forEach(p -> errors.add(new CollectionError(source(), LASTLOG.display(), p)));
            } catch (HostException e) {
                errors.add(new CollectionError(source(), LASTLOG.display(), e.getMessage()));
            }
        }
        if (root.lstatOrEmpty(LASTLOG2).isPresent()) {
            try {
                out.addAll(lastlog2(root));
            } catch (IOException | SQLException e) {
                errors.add(new CollectionError(source(), LASTLOG2.display(), e.getMessage()));
            }
        }
        return new CollectResult<>(out, errors);
    }

    private static List<LastLogin> lastlog2(HostRoot root) throws IOException, SQLException {
        List<LastLogin> out = new ArrayList<>();
        try (SqliteCopy copy = SqliteCopy.open(root, LASTLOG2);
             Statement st = copy.db().createStatement();
             ResultSet rs = st.executeQuery("SELECT Name, Time, TTY, RemoteHost FROM Lastlog2 ORDER BY Name")) {
            while (rs.next()) {
                if (rs.getLong(2) != 0) {
                    out.add(new LastLogin(rs.getString(1), Instant.ofEpochSecond(rs.getLong(2)),
                            Objects.toString(rs.getString(3), ""), Objects.toString(rs.getString(4), ""),
                            LASTLOG2.display()));
                }
            }
        }
        return out;
    }
}
