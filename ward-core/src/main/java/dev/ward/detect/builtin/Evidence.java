package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Evidence values the detectors share, spelled the same way in every finding. */
final class Evidence {
    /** What a finding says of a file dpkg did not install: someone else put it there. */
    static final String NO_PACKAGE = "no package";

    private Evidence() {
    }

    static String owner(String packageName) {
        return packageName == null ? NO_PACKAGE : packageName;
    }

    /** The dpkg package that ships the path, or {@link #NO_PACKAGE}. */
    static String owner(Scan scan, HostPath path) {
        return owner(scan.packages().owner(path).orElse(null));
    }

    /**
     * Whether the root has a dpkg database and no package in it ships {@code path}; false without a
     * database, where "no package" would mean nothing. The index is read on the first question.
     */
    static boolean unowned(Scan scan, HostPath path) {
        return scan.packages().isPresent() && scan.packages().owner(path).isEmpty();
    }

    static boolean unowned(Scan scan, String path) {
        return unowned(scan, HostPath.of(path));
    }

    /** Why a check of running things skips an image. */
    static final String LIVE_ONLY = "an image has none: look at the live host";

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    /** Characters of a command line shown in a finding; the check itself reads the whole line. */
    static final int SHOWN = 8192;

    /** A command line as shown: cut at {@link #SHOWN} characters, saying how much was left out. */
    static String shown(String text) {
        return text.length() <= SHOWN ? text
                : text.substring(0, SHOWN) + " [" + (text.length() - SHOWN) + " more characters]";
    }

    static String octal(int mode) {
        return String.format("%04o", mode);
    }

    /** An evidence map in the order given: key, value, key, value... */
    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Owner, mode (octal) and mtime of a file. */
    static Map<String, Object> file(FileStat st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uid", st.uid());
        m.put("mode", octal(st.permissions()));
        m.put("mtime", time(st.mtime()));
        return m;
    }
}
