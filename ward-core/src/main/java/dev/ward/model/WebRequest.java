package dev.ward.model;

import java.time.Instant;

/**
 * One request of a web server's access log (common or combined format).
 *
 * @param userAgent "" in the common format, which has none
 */
public record WebRequest(Instant time, String source, String method, String path, int status, long bytes,
                         String userAgent, String file, long line) {
}
