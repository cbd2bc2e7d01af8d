package dev.ward.detect.builtin;

import java.time.Instant;

/** How the persistence checks spell common evidence values. */
final class Evidence {
    static final String NO_PACKAGE = "no package";

    private Evidence() {
    }

    static String owner(String packageName) {
        return packageName == null ? NO_PACKAGE : packageName;
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    static String octal(int mode) {
        return String.format("%04o", mode);
    }
}
