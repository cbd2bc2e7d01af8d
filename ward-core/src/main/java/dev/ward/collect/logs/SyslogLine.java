package dev.ward.collect.logs;

import java.time.Instant;

/**
 * One syslog line: when, which host, which program and process, and the message.
 *
 * @param pid -1 when the line names none
 */
public record SyslogLine(Instant time, String host, String program, long pid, String message) {
}
