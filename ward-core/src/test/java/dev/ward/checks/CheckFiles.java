package dev.ward.checks;

import dev.ward.collect.Collector;
import dev.ward.collect.PersistenceCollectors;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Test support for the YAML checks of the persistence areas: loads them and evaluates their match
 * expressions over records, following the check-file format, so each check is exercised before the
 * engine that will run it is wired in. Supports the operators the files use and the rest of the format's.
 */
final class CheckFiles {
    static final Path DIR = Path.of("src/main/resources/dev/ward/checks/linux");
    static final List<String> AREAS = List.of("udev", "pam", "motd", "init");

    private CheckFiles() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
        }
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(DIR)) {
            return s.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> AREAS.contains(p.getParent().getFileName().toString())).sorted().toList();
        }
    }

    static Collector<?> collector(String source) {
        return PersistenceCollectors.all().stream().filter(c -> c.source().equals(source)).findFirst()
                .orElseThrow(() -> new AssertionError("no collector for source " + source));
    }

    /** True when the record satisfies the match expression. */
    @SuppressWarnings("unchecked")
    static boolean matches(Map<String, Object> expr, Record rec, Map<String, Object> check) {
        if (expr.containsKey("all")) {
            return ((List<Map<String, Object>>) expr.get("all")).stream().allMatch(e -> matches(e, rec, check));
        }
        if (expr.containsKey("any")) {
            return ((List<Map<String, Object>>) expr.get("any")).stream().anyMatch(e -> matches(e, rec, check));
        }
        if (expr.containsKey("not")) {
            return !matches((Map<String, Object>) expr.get("not"), rec, check);
        }
        Object value = component(rec, (String) expr.get("field"));
        for (var op : expr.entrySet()) {
            if (!op.getKey().equals("field")) {
                return apply(op.getKey(), value, resolve(op.getValue(), check));
            }
        }
        throw new AssertionError("no operator in " + expr);
    }

    @SuppressWarnings("unchecked")
    private static Object resolve(Object v, Map<String, Object> check) {
        if (v instanceof Map<?, ?> m && m.containsKey("param")) {
            var params = (Map<String, Map<String, Object>>) check.get("parameters");
            return params.get((String) m.get("param")).get("default");
        }
        return v;
    }

    private static boolean apply(String op, Object value, Object arg) {
        String s = value == null ? null : String.valueOf(value);
        return switch (op) {
            case "exists" -> (value != null) == (Boolean) arg;
            case "equals" -> s != null && s.equals(String.valueOf(arg));
            case "not_equals" -> s == null || !s.equals(String.valueOf(arg));
            case "in" -> s != null && ((List<?>) arg).stream().map(String::valueOf).anyMatch(s::equals);
            case "not_in" -> s == null || ((List<?>) arg).stream().map(String::valueOf).noneMatch(s::equals);
            case "regex" -> s != null && Pattern.compile((String) arg).matcher(s).find();
            case "not_regex" -> s == null || !Pattern.compile((String) arg).matcher(s).find();
            default -> throw new AssertionError("operator not used by these checks: " + op);
        };
    }

    static Object component(Record rec, String name) {
        for (RecordComponent c : rec.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(rec);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError(rec.getClass().getSimpleName() + " has no field " + name);
    }
}
