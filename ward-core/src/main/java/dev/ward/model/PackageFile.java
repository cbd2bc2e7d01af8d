package dev.ward.model;

import java.time.Instant;

/**
 * One file a package installed, as verification found it on disk.
 *
 * @param path        where it is on disk (after diversions)
 * @param differs     what differs from the package, in words ("digest"; rpm also tells "size, mode,
 *                    user"...); empty when nothing does
 * @param expectedMd5 what the package database says it shipped; null where it is rpm that compared
 * @param actualMd5   what is on disk now; null when missing or not a regular file any more
 * @param mode        the file's st_mode permission bits; 0 when missing
 * @param unpacked    when dpkg last unpacked its package; null when unknown
 */
public record PackageFile(String path, String packageName, String version, String architecture, String reinstall, Kind kind,
                          State state, String differs, String expectedMd5, String actualMd5, int mode, long uid,
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
        OK,
        /** its contents differ */
        CHANGED,
        /** only its owner, mode or capabilities differ (rpm tells these; dpkg's database has no modes) */
        METADATA,
        MISSING;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
