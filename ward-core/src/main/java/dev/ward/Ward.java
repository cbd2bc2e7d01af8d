package dev.ward;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about ward itself. */
public final class Ward {
    private static final String VERSION = load();

    private Ward() {
    }

    /** The version the build stamped into the jar. */
    public static String version() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Ward.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
