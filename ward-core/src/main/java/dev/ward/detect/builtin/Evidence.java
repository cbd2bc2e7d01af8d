package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import java.util.LinkedHashMap;
import java.util.Map;

/** Evidence pieces the access detectors share, spelled the same way in every finding. */
final class Evidence {
    private Evidence() {
    }

    /** The dpkg package that ships the path, or "none": an unowned file was put there by someone. */
    static String owner(Scan scan, HostPath path) {
        return scan.packages().owner(path).orElse("none");
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
        m.put("mode", String.format("%04o", st.permissions()));
        m.put("mtime", st.mtime().toString());
        return m;
    }
}
