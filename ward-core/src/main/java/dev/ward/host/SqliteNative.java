package dev.ward.host;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sqlite.util.OSInfo;

/**
 * SQLite's native library loaded from ward's own directory. sqlite-jdbc otherwise extracts it into
 * {@code /tmp} at each run and loads it from there: a write to the inspected host, and a library
 * mapped from a temporary directory, which is what ward's own self-check looks for in an injected
 * one. The build unpacks the libraries into {@code native/} beside ward's jar (and beside the
 * classes, for the tests, through {@code ward.native.dir}); this points sqlite-jdbc at the one for
 * this machine, before the first connection. Where there is none, sqlite-jdbc's own way is left.
 */
public final class SqliteNative {
    public static final String DIR = "ward.native.dir";

    private SqliteNative() {
    }

    public static synchronized void configure() {
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        Path dir = System.getProperty(DIR) != null ? Path.of(System.getProperty(DIR)) : besideJar();
        if (dir == null) {
            return;
        }
        Path lib = dir.resolve("org/sqlite/native").resolve(OSInfo.getNativeLibFolderPathForCurrentOS());
        if (Files.isRegularFile(lib.resolve("libsqlitejdbc.so"))) {
            System.setProperty("org.sqlite.lib.path", lib.toString());
            System.setProperty("org.sqlite.lib.name", "libsqlitejdbc.so");
        }
    }

    /**
     * The library file sqlite-jdbc was pointed at, or null: ward's own, which its self-check does not
     * hold against it wherever ward was unpacked (a copy under /tmp included).
     */
    public static String library() {
        String dir = System.getProperty("org.sqlite.lib.path");
        String name = System.getProperty("org.sqlite.lib.name");
        return dir == null || name == null ? null : Path.of(dir, name).toString();
    }

    /** {@code native/} in the directory of the jar this class was loaded from, or null. */
    private static Path besideJar() {
        try {
            var source = SqliteNative.class.getProtectionDomain().getCodeSource();
            Path jar = source == null ? null : Path.of(source.getLocation().toURI());
            return jar == null || !Files.isRegularFile(jar) ? null : jar.resolveSibling("native");
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return null;
        }
    }
}
