package dev.ward.collect.trust;

import dev.ward.collect.CollectResult;
import dev.ward.model.CollectionError;
import dev.ward.model.TrustEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a hosts.equiv or .rhosts file, line by line as ruserok(3) reads it: the first word is the
 * host, the second (optional) the user, anything after is ignored. A leading '-' denies, a lone '+'
 * matches anything, {@code +@name} / {@code -@name} is a netgroup. ruserok has no comments, but a
 * '#' word can never match a host, so such lines are skipped as the commented-out lines they are.
 * Lines holding control characters or invalid UTF-8 are errors, not entries.
 */
public final class TrustParser {
    static final String SOURCE = "trust";

    private TrustParser() {
    }

    public static CollectResult<TrustEntry> parse(String path, String account, Instant mtime, String text) {
        List<TrustEntry> entries = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!printable(line)) {
                errors.add(new CollectionError(SOURCE, path, "line " + (i + 1) + ": not a trust entry (binary data)"));
                continue;
            }
            entries.add(entry(path, i + 1, account, mtime, line));
        }
        return new CollectResult<>(entries, errors);
    }

    private static TrustEntry entry(String path, int no, String account, Instant mtime, String line) {
        String[] words = line.split("[ \t]+");
        String host = words[0];
        String user = words.length > 1 ? words[1] : "";
        boolean hostDenied = host.startsWith("-");
        boolean userDenied = user.startsWith("-");
        return new TrustEntry(path, no, account, strip(host), strip(user),
                wildcard(host), wildcard(user), hostDenied || userDenied, line, mtime);
    }

    /** '+' alone is "any"; a netgroup ({@code +@group}) is a set the file does not list. */
    private static boolean wildcard(String word) {
        return word.equals("+") || word.startsWith("+@");
    }

    private static String strip(String word) {
        return word.startsWith("-") ? word.substring(1) : word;
    }

    /** False for control characters and U+FFFD, which is how invalid UTF-8 arrives here. */
    static boolean printable(String line) {
        return line.chars().noneMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f || c == 0xfffd);
    }
}
