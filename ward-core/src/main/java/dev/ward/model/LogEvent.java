package dev.ward.model;

import java.time.Instant;

/** An event a log recorded: a login attempt or an administrative action. */
public sealed interface LogEvent permits LoginEvent, AdminEvent {
    Instant time();

    /** The log file, as a path inside the root. */
    String file();

    /** Its line number there (1-based). */
    long line();
}
