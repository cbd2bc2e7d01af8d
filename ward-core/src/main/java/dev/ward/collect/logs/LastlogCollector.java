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
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Each user's last login: {@code /var/log/lastlog}, an array of records indexed by uid (a sparse
 * file: 292 bytes a record on x86-64 and 32-bit hosts, whose time is 32 bits, 296 where it is 64),
 * named through the root's {@code /etc/passwd}; and util-linux's {@code lastlog2} database
 * ({@code /var/lib/lastlog/lastlog2.db}) that replaces it on Debian 13. Uids past
 * {@value #MAX_UID} (directory-service ranges) are not looked up in the array: its file would be
 * gigabytes of holes.
 */
public final class LastlogCollector implements Collector<LastLogin> {
    static final HostPath LASTLOG = HostPath.of("/var/log/lastlog");
    static final HostPath LASTLOG2 = HostPath.of("/var/lib/lastlog/lastlog2.db");
    static final long MAX_UID = 1L << 20;
    private static final int LINE = 32;
    private static final int HOST = 256;

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
            Map<Long, String> names = new TreeMap<>(AccountsCollector.names(scan));
            long top = names.keySet().stream().filter(u -> u >= 0 && u <= MAX_UID).max(Long::compare).orElse(0L);
            try {
                long size = root.lstatOrEmpty(LASTLOG).get().size();
                int record = size % 292 != 0 && size % 296 == 0 ? 296 : 292;
                out.addAll(parse(root.read(LASTLOG, (top + 1) * record), record, names));
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

    /** The records of {@code data} (of {@code record} bytes each) of the named uids that hold a time. */
    static List<LastLogin> parse(byte[] data, int record, Map<Long, String> names) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int timeSize = record - LINE - HOST;
        List<LastLogin> out = new ArrayList<>();
        for (Map.Entry<Long, String> a : names.entrySet()) {
            long at = a.getKey() * record;
            if (a.getKey() < 0 || at + record > data.length) {
                continue;
            }
            long time = timeSize == 4 ? Integer.toUnsignedLong(b.getInt((int) at)) : b.getLong((int) at);
            if (time != 0) {
                out.add(new LastLogin(a.getValue(), Instant.ofEpochSecond(time), text(data, (int) at + timeSize, LINE),
                        text(data, (int) at + timeSize + LINE, HOST), LASTLOG.display()));
            }
        }
        return out;
    }

    private static String text(byte[] data, int from, int length) {
        int end = from;
        while (end < from + length && data[end] != 0) {
            end++;
        }
        return new String(data, from, end - from, StandardCharsets.UTF_8);
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
