package dev.ward.detect.checks;

import dev.ward.host.InputFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The checks a run can use: the built-in ones shipped in ward-core, plus any in directories the
 * user names. Built-ins are found through {@value #INDEX}, one resource path per line relative to
 * {@value #BASE}, because a jar cannot list a classpath directory; a test keeps the index and the
 * resource tree in step. User directories are walked for {@code *.yaml} and {@code *.yml} files,
 * in name order. Two checks with the same id are an error: a site check replaces nothing silently.
 */
public final class CheckCatalog {
    public static final String BASE = "dev/ward/checks/";
    public static final String INDEX = BASE + "index.txt";

    private final Map<String, Check> byId;

    private CheckCatalog(Map<String, Check> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The built-in checks with their default parameters. */
    public static CheckCatalog builtin() throws CheckFormatException, IOException {
        return load(List.of(), Map.of());
    }

    /**
     * Built-in checks, then the checks under {@code extraDirs}.
     *
     * @param overrides parameter values by check id, then parameter name
     * @throws IllegalArgumentException when an override names a check that is not loaded
     */
    public static CheckCatalog load(List<Path> extraDirs, Map<String, Map<String, Object>> overrides)
            throws CheckFormatException, IOException {
        CheckLoader loader = new CheckLoader(overrides);
        Map<String, Check> checks = new LinkedHashMap<>();
        for (String resource : builtinResources()) {
            try (InputStream in = open(resource)) {
                add(checks, loader.load(resource, in));
            }
        }
        for (Path dir : extraDirs) {
            for (Path file : yamlFiles(dir)) {
                add(checks, loader.load(file.toString(), InputFile.read(file, 1024 * 1024)));
            }
        }
        for (String id : overrides.keySet()) {
            if (!checks.containsKey(id)) {
                throw new IllegalArgumentException("parameter overrides for unknown check '" + id + "'");
            }
        }
        return new CheckCatalog(checks);
    }

    private static void add(Map<String, Check> checks, Check check) throws CheckFormatException {
        Check earlier = checks.putIfAbsent(check.id(), check);
        if (earlier != null) {
            throw check.at().error("duplicate check id '" + check.id() + "' (already defined at " + earlier.at() + ")");
        }
    }

    /** The resource names listed in the index, skipping blank lines and {@code #} comments. */
    static List<String> builtinResources() throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(open(INDEX), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    out.add(BASE + entry);
                }
            }
        }
        return out;
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = CheckCatalog.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IOException("built-in check resource missing from the classpath: " + resource);
        }
        return in;
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        }
    }

    /** Every check, built-ins first, each group in load order. */
    public List<Check> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Check> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The checks to run over the records of one source, e.g. {@code accounts}. */
    public List<Check> forSource(String source) {
        return byId.values().stream().filter(c -> c.source().equals(source)).toList();
    }

    /** Validates every check of {@code source} against the record class that source produces. */
    public void validate(String source, Class<? extends Record> type) throws CheckFormatException {
        for (Check c : forSource(source)) {
            c.validate(type);
        }
    }
}
