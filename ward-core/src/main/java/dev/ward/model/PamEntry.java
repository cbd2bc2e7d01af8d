package dev.ward.model;

import java.util.List;

/**
 * One rule of a PAM stack in {@code /etc/pam.d}.
 *
 * @param type          auth, account, password or session (a leading '-' removed)
 * @param control       required, requisite, sufficient, optional, include, substack, or the
 *                      bracketed form {@code [success=1 default=ignore]} as written
 * @param module        the module as written ({@code pam_unix.so} or an absolute path)
 * @param denyBefore    true when an earlier rule of the same type in the file uses pam_deny.so:
 *                      the pam-auth-update layout that makes a trailing pam_permit harmless
 * @param modulePath    where the module was found in the root, or null
 * @param modulePackage the package owning it, or null
 */
public record PamEntry(String path, int line, String text, String type, String control, String module,
                       List<String> args, boolean denyBefore, String modulePath, String modulePackage,
                       String packageName) {
    public PamEntry {
        args = List.copyOf(args);
    }
}
