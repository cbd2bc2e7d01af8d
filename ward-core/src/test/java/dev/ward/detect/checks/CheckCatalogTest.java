package dev.ward.detect.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in catalog as a whole, the index that lists it, and user directories. */
class CheckCatalogTest {
    /** The module's resource tree; surefire runs tests from the module directory. */
    private static final Path RESOURCES = Path.of("src/main/resources", CheckCatalog.BASE);

    @Test
    void builtinCatalogLoadsAndValidatesAgainstItsSources() throws Exception {
        CheckCatalog catalog = CheckCatalog.builtin();
        assertFalse(catalog.all().isEmpty());
        // Every check names a registered source and only fields its records have.
        dev.ward.run.Checks.triage(catalog);
        assertTrue(catalog.forSource("accounts").stream().map(Check::id).toList()
                .containsAll(List.of("linux.accounts.uid0_non_root", "linux.accounts.empty_password")));
        assertEquals("sudo_rules", catalog.byId("linux.sudo.nopasswd_all").orElseThrow().source());
    }

    @Test
    void everyBuiltinIdMatchesItsFileName() throws Exception {
        for (Check c : CheckCatalog.builtin().all()) {
            String expected = CheckCatalog.BASE + c.id().replace('.', '/') + ".yaml";
            assertEquals(expected, c.file(), "id and file name differ");
            assertFalse(c.description().isBlank(), c.id());
            assertFalse(c.remediation().isBlank(), c.id());
        }
    }

    @Test
    void indexListsExactlyTheCheckFiles() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            onDisk = files.filter(p -> p.toString().endsWith(".yaml"))
                    .map(p -> CheckCatalog.BASE + RESOURCES.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
        assertEquals(onDisk, CheckCatalog.builtinResources().stream().sorted().toList(),
                "add new check files to " + CheckCatalog.INDEX);
    }

    @Test
    void userDirectoriesAddChecks(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("site"));
        Files.writeString(dir.resolve("site/sample.yml"), TestRecords.check("{field: name, exists: true}"));
        Files.writeString(dir.resolve("notes.txt"), "not a check");
        CheckCatalog catalog = CheckCatalog.load(List.of(dir), Map.of());
        assertEquals(List.of("test.sample.check"), catalog.forSource("sample").stream().map(Check::id).toList());
        catalog.validate("sample", TestRecords.Sample.class);
    }

    @Test
    void duplicateIdsAreAnError(@TempDir Path dir) throws Exception {
        String builtin = "linux/accounts/uid0_non_root.yaml";
        try (var in = getClass().getClassLoader().getResourceAsStream(CheckCatalog.BASE + builtin)) {
            Files.write(dir.resolve("copy.yaml"), in.readAllBytes());
        }
        CheckFormatException e = assertThrows(CheckFormatException.class,
                () -> CheckCatalog.load(List.of(dir), Map.of()));
        assertEquals(dir.resolve("copy.yaml") + ":2:5: duplicate check id 'linux.accounts.uid0_non_root'"
                + " (already defined at dev/ward/checks/linux/accounts/uid0_non_root.yaml:2:5)", e.getMessage());
    }

    @Test
    void overridesForAnUnknownCheckAreRefused() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> CheckCatalog.load(List.of(), Map.of("linux.nope", Map.of("x", 1))));
        assertEquals("parameter overrides for unknown check 'linux.nope'", e.getMessage());
    }
}
