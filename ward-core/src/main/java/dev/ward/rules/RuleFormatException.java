package dev.ward.rules;

import dev.ward.host.HostPath;
import java.nio.charset.StandardCharsets;

/**
 * A rule file ward cannot use; the message is {@code file:line: what is wrong}, or {@code file: ...}
 * when the file itself cannot be read. It is one short line safe to print: what it quotes of a
 * hostile file is escaped as {@link HostPath#display()} escapes a name (an ESC is {@code \x1b}),
 * and long quotes are cut.
 */
public final class RuleFormatException extends Exception {
    /** The most of a line, a regex or a name that a message quotes. */
    static final int QUOTE = 120;

    private final Origin origin;

    public RuleFormatException(Origin origin, String message) {
        super(origin + ": " + HostPath.escape(message.getBytes(StandardCharsets.UTF_8)));
        this.origin = origin;
    }

    /** Where the problem is. */
    public Origin origin() {
        return origin;
    }

    /** {@code text} in single quotes, cut to {@link #QUOTE} characters with "..." when longer. */
    static String quote(String text) {
        return "'" + (text.length() <= QUOTE ? text : text.substring(0, QUOTE) + "...") + "'";
    }
}
