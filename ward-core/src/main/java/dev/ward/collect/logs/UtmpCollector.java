package dev.ward.collect.logs;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.Scan;
import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.UtmpRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of {@code /var/log/wtmp} (logins, logouts, boots, shutdowns) and {@code btmp}
 * (failed logins), with their first rotations, oldest first. A torn last record is a collection
 * error naming the file and offset; the records before it are kept.
 */
public final class UtmpCollector implements Collector<UtmpRecord> {
    static final List<String> FILES = List.of("/var/log/wtmp.1", "/var/log/wtmp", "/var/log/btmp.1", "/var/log/btmp");
    private static final long LIMIT = 1L << 30;

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
            HostPath file = HostPath.of(name);
            try {
                UtmpParser.Result r = UtmpParser.parse(scan.root().read(file, LIMIT), name);
                out.addAll(r.records());
                if (r.tornBytes() > 0) {
                    errors.add(new CollectionError(source(), name, "last record cut short at offset " + r.tornAt()
                            + " (" + r.tornBytes() + " of " + r.layout().size + " bytes); the records before it are read"));
                }
            } catch (HostException e) {
                if (!e.isMissing()) {
                    errors.add(new CollectionError(source(), "", e.getMessage()));
                }
            }
        }
        return new CollectResult<>(out, errors);
    }
}
