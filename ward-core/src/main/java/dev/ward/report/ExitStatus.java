package dev.ward.report;

import dev.ward.model.Finding;
import dev.ward.model.Severity;

/**
 * Ward's exit status, in one place. Result bits as AIDE users script around them: 1 something
 * added, 2 something removed, 4 something changed, 8 a finding at or above the minimum severity;
 * 16 added when the run was incomplete (collection errors). Errors that stop a run are 64 and up.
 */
public final class ExitStatus {
    public static final int OK = 0;
    public static final int ADDED = 1;
    public static final int REMOVED = 2;
    public static final int CHANGED = 4;
    public static final int FINDINGS = 8;
    public static final int INCOMPLETE = 16;
    public static final int USAGE = 64;
    public static final int DATA_ERROR = 65;
    public static final int NO_INPUT = 66;
    public static final int INTERNAL = 70;
    /** An output file that would not be the user's choice (a link another user planted), or cannot be made. */
    public static final int CANT_CREATE = 73;
    public static final int IO_ERROR = 74;
    /** Another ward is writing the same baseline: run again later. */
    public static final int TEMP_FAIL = 75;

    private ExitStatus() {
    }

    /** The result bits for a finished run. */
    public static int of(Report report, Severity minSeverity) {
        int status = OK;
        Changes c = report.changes();
        if (!c.added().isEmpty()) {
            status |= ADDED;
        }
        if (!c.removed().isEmpty()) {
            status |= REMOVED;
        }
        if (!c.changed().isEmpty()) {
            status |= CHANGED;
        }
        for (Finding f : report.findings()) {
            if (f.severity().atLeast(minSeverity)) {
                status |= FINDINGS;
                break;
            }
        }
        if (!report.errors().isEmpty()) {
            status |= INCOMPLETE;
        }
        return status;
    }
}
