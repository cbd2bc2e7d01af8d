package dev.ward.model;

/**
 * A kernel module loaded at boot because a modules-load.d file (or {@code /etc/modules}) names it.
 *
 * @param packageName    the package owning the file that names it, or null
 * @param modulePath     the {@code .ko} found under {@code /lib/modules}, or null (built in, or absent)
 * @param modulePackage  the package owning that {@code .ko}, or null
 */
public record ModuleEntry(String path, int line, String module, String packageName, String modulePath,
                          String modulePackage) {
}
