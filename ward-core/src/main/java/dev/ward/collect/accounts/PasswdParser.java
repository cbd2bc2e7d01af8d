package dev.ward.collect.accounts;

import dev.ward.model.CollectionError;
import java.util.ArrayList;
import java.util.List;

/**
 * Pure parser of passwd(5) text: {@code name:password:uid:gid:gecos:home:shell}. A line with the
 * wrong number of fields or a non-numeric id is reported as an error naming its line and skipped;
 * NIS compat lines ({@code +}, {@code -name}) are kept as errors too, since they change who exists.
 */
public final class PasswdParser {
    /** One passwd line, numbered from 1. */
    public record Line(int number, String name, String password, long uid, long gid, String gecos, String home, String shell) {
    }

    /** Lines and the problems found in them. */
    public record Parsed(List<Line> lines, List<CollectionError> errors) {
    }

    private PasswdParser() {
    }

    public static Parsed parse(String text, String file) {
        List<Line> lines = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (line.startsWith("+") || line.startsWith("-")) {
                errors.add(new CollectionError("accounts", file, "line " + (i + 1) + ": NIS compat entry '" + line + "' is not resolved"));
                continue;
            }
            if (f.length != 7) {
                errors.add(new CollectionError("accounts", file, "line " + (i + 1) + ": expected 7 fields, found " + f.length));
                continue;
            }
            try {
                lines.add(new Line(i + 1, f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), f[4], f[5], f[6]));
            } catch (NumberFormatException e) {
                errors.add(new CollectionError("accounts", file, "line " + (i + 1) + ": uid or gid is not a number"));
            }
        }
        return new Parsed(lines, errors);
    }
}
