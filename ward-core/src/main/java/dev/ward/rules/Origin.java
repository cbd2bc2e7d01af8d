package dev.ward.rules;

import dev.ward.host.HostPath;
import java.nio.charset.StandardCharsets;

/**
 * A place in a rule file: the file name as given (or as included) and the 1-based line number,
 * 0 for the file as a whole. Shown escaped, as {@link HostPath#display()} shows a name: a file
 * found in an included directory may be named with control characters.
 */
public record Origin(String file, int line) {
    @Override
    public String toString() {
        String name = HostPath.escape(file.getBytes(StandardCharsets.UTF_8));
        return line == 0 ? name : name + ":" + line;
    }
}
