package dev.ward.model;

import java.util.List;

/**
 * One package of dpkg's status database ({@code /var/lib/dpkg/status}).
 *
 * @param state     dpkg's own word for it: {@code installed}, {@code half-configured},
 *                  {@code unpacked}, {@code config-files}, ...
 * @param conffiles the configuration files dpkg tracks for it, with the MD5 they were shipped with
 */
public record InstalledPackage(String name, String architecture, String version, String state,
                               List<Conffile> conffiles) {
    public InstalledPackage {
        conffiles = List.copyOf(conffiles);
    }

    /**
     * A conffile as dpkg recorded it. {@code path} holds the name's bytes one char each
     * (ISO-8859-1), as dpkg stores them.
     *
     * @param obsolete no longer shipped by the package's current version; dpkg leaves it in place
     */
    public record Conffile(String path, String md5, boolean obsolete) {
    }

    /** Whether the package's files are on disk: unpacked at least, not merely remembered. */
    public boolean hasFiles() {
        return switch (state) {
            case "installed", "half-configured", "unpacked", "triggers-awaited", "triggers-pending" -> true;
            default -> false;
        };
    }

    /** What to type to put its files back: multi-arch packages are named with their architecture. */
    public String reinstallCommand(boolean qualify) {
        return "apt-get install --reinstall " + (qualify ? name + ":" + architecture : name);
    }
}
