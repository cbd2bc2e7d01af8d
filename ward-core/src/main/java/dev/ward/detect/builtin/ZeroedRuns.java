package dev.ward.detect.builtin;

import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.Severity;
import dev.ward.model.UtmpRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code linux.logs.utmp_zeroed_record} for {@link UtmpDetector}: each run of zeroed records of wtmp
 * or btmp, one finding however long, in one pass over the records.
 */
final class ZeroedRuns {
    private ZeroedRuns() {
    }

    /** Each run of zeroed records, with the records on either side of it in its file that have a time. */
    static void report(List<UtmpRecord> records, Results out) {
        List<UtmpRecord> waiting = new ArrayList<>();
        UtmpRecord before = null;
        for (UtmpRecord r : records) {
            if (before != null && !before.file().equals(r.file())
                    || !waiting.isEmpty() && !waiting.getFirst().file().equals(r.file())) {
                zeroed(waiting, before, null, out);
                before = null;
            }
            if (r.isZeroed()) {
                waiting.add(r);
            } else if (r.time() != null) {
                zeroed(waiting, before, r, out);
                before = r;
            }
        }
        zeroed(waiting, before, null, out);
    }

    /** The runs waiting for the record after them, which is {@code after} (null at the file's end). */
    private static void zeroed(List<UtmpRecord> waiting, UtmpRecord before, UtmpRecord after, Results out) {
        for (UtmpRecord r : waiting) {
            String span = "between " + UtmpDetector.time(before) + " and " + UtmpDetector.time(after);
            String where = r.zeroed() == 1 ? "a record of zero bytes at offset " + r.offset()
                    : r.zeroed() + " consecutive records of zero bytes, bytes " + r.offset() + " to " + r.last();
            out.add(Finding.builder("linux.logs.utmp_zeroed_record", Severity.HIGH,
                            (r.zeroed() == 1 ? "Record" : "Records") + " wiped from " + r.file())
                    .summary(r.file() + " has " + where + ", " + span)
                    .evidence("file", r.file()).evidence("first_byte", r.offset()).evidence("last_byte", r.last())
                    .evidence("records", r.zeroed()).evidence("after", UtmpDetector.time(before))
                    .evidence("before", UtmpDetector.time(after))
                    .path(r.file()).attack("T1070.002")
                    .remediation("Treat the logins of that span as hidden: compare with auth.log, the journal and a "
                            + "remote log server, and look for the tool that wiped it.").build());
        }
        waiting.clear();
    }
}
