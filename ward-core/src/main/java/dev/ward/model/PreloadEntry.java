package dev.ward.model;

/**
 * A library the dynamic loader forces into processes: a line of {@code /etc/ld.so.preload}, or an
 * {@code LD_PRELOAD} value set in {@code /etc/environment}.
 *
 * @param path           the file that names the library
 * @param library        the library as written
 * @param libraryExists  whether it is present in the root
 * @param libraryPackage the package owning the library, or null
 */
public record PreloadEntry(String path, int line, String text, String library, boolean libraryExists,
                           String libraryPackage) {
}
