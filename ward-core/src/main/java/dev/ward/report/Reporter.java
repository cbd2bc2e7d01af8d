package dev.ward.report;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a {@link Report} in one format. Reporters never compute: ranking, counts and exit status
 * are decided before they are called. A reporter writes UTF-8 and does not close the stream.
 */
public interface Reporter {
    void write(Report report, OutputStream out) throws IOException;
}
