package dev.ward.model;

import java.time.Instant;

/**
 * A program, library or module in a system directory that no package installed.
 *
 * @param elf  its first bytes are an ELF header: compiled code, not a script
 * @param dkms a kernel module DKMS built on this host from a packaged source (its copy is kept
 *             under {@code /var/lib/dkms}): expected, not an intrusion by itself
 * @param tree the top-most directory above it that no package owns either (a tree unpacked by
 *             hand, such as a JDK from a tarball), or null when its own directory is a package's
 */
public record UnownedFile(String path, Kind kind, int mode, long uid, long size, Instant mtime, Instant ctime,
                          boolean elf, boolean dkms, String tree) {

    public enum Kind {
        EXECUTABLE, SHARED_LIBRARY, KERNEL_MODULE, PAM_MODULE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        }
    }
}
