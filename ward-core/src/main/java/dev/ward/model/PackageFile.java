package dev.ward.model;

import java.time.Instant;

/**
 * One file a package installed, as verification found it on disk.
 *
 * @param path        where it is on disk (after diversions)
 * @param expectedMd5 what the package database says it shipped
 * @param actualMd5   what is on disk now; null when missing or not a regular file any more
 * @param mode        the file's st_mode permission bits; 0 when missing
 * @param unpacked    when dpkg last unpacked its package; null when unknown
 */
public record PackageFile(String path, String packageName, String version, String architecture, String reinstall, Kind kind,
                          State state, String expectedMd5, String actualMd5, int mode, long uid,
                          Instant mtime, Instant ctime, Instant unpacked) {

    /** What kind of file it is, which decides how much a change to it matters. */
    public enum Kind {
        /** a program in a bin or sbin directory, or a helper under libexec */
        BINARY,
        /** anything under a lib directory: shared objects, modules, interpreters' code */
        LIBRARY,
        /** a conffile dpkg tracks, or any file under /etc */
        CONFIG,
        /** data, documentation and the rest of /usr/share */
        OTHER;

        public static Kind of(String path, boolean conffile) {
            if (conffile || path.startsWith("/etc/")) {
                return CONFIG;
            }
            String p = path.startsWith("/usr/") ? path.substring(4) : path;
            if (p.startsWith("/bin/") || p.startsWith("/sbin/") || p.startsWith("/libexec/") || p.startsWith("/games/")
                    || p.startsWith("/local/bin/") || p.startsWith("/local/sbin/")) {
                return BINARY;
            }
            return p.startsWith("/lib") ? LIBRARY : OTHER;
        }

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum State {
        OK, CHANGED, MISSING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
