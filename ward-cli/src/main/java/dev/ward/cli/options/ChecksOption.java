package dev.ward.cli.options;

import dev.ward.detect.checks.CheckCatalog;
import dev.ward.detect.checks.CheckFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --checks DIR|FILE}: the site's own YAML checks, loaded beside the built-in ones. */
public final class ChecksOption {
    @Option(names = "--checks", paramLabel = "DIR|FILE",
            description = "Also load the YAML checks in DIR (recursively) or FILE; repeatable.")
    List<Path> extra = new ArrayList<>();

    public CheckCatalog load() throws CheckFormatException, IOException {
        return extra.isEmpty() ? CheckCatalog.builtin() : CheckCatalog.load(extra, Map.of());
    }
}
