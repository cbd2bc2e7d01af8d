package dev.ward.collect.accounts;

import dev.ward.model.CollectionError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure parser of shadow(5) text: {@code name:password:lastchg:min:max:warn:inactive:expire:}.
 * Only the name, the password field and lastchg (days since 1970-01-01; empty or 0 when unknown or
 * "must change") matter here. Short lines are errors naming their line.
 */
public final class ShadowParser {
    /** @param lastChange days since the epoch, or -1 when the field is empty */
    public record Line(int number, String name, String password, long lastChange) {
    }

    public record Parsed(Map<String, Line> byName, List<CollectionError> errors) {
    }

    private ShadowParser() {
    }

    public static Parsed parse(String text, String file) {
        Map<String, Line> byName = new HashMap<>();
        List<CollectionError> errors = new ArrayList<>();
        String[] raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(":", -1);
            if (f.length < 3) {
                errors.add(new CollectionError("accounts", file, "line " + (i + 1) + ": expected 9 fields, found " + f.length));
                continue;
            }
            long lastChange = -1;
            if (!f[2].isEmpty()) {
                try {
                    lastChange = Long.parseLong(f[2]);
                } catch (NumberFormatException e) {
                    errors.add(new CollectionError("accounts", file, "line " + (i + 1) + ": last change '" + f[2] + "' is not a number"));
                }
            }
            byName.putIfAbsent(f[0], new Line(i + 1, f[0], f[1], lastChange));
        }
        return new Parsed(byName, errors);
    }
}
