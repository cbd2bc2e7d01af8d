package dev.ward.detect.checks;

import dev.ward.model.CollectionError;
import dev.ward.model.Finding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Runs checks over records and turns matches into {@link Finding}s. The finding carries the check's
 * id, severity, title, ATT&CK ids and remediation; its summary is the check's template filled from
 * the record; its evidence holds the listed fields in JSON shape; its paths are the values of the
 * listed path fields as displayed.
 */
public final class CheckRunner {
    private CheckRunner() {
    }

    /** What a run produced: findings, and one error for each check that could not run. */
    public record Outcome(List<Finding> findings, List<CollectionError> errors) {
        public Outcome {
            findings = List.copyOf(findings);
            errors = List.copyOf(errors);
        }
    }

    /**
     * Every check over every record. The caller passes the checks of the source the records came
     * from ({@link CheckCatalog#forSource}). A check that throws on a record (a record accessor that
     * fails, say) becomes a collection error and is not run on the remaining records, so a broken
     * check gives one error rather than one per record, and never a silent pass.
     */
    public static Outcome run(Collection<Check> checks, List<? extends Record> records) {
        List<Finding> findings = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        for (Check check : checks) {
            for (Record r : records) {
                try {
                    evaluate(check, r).ifPresent(findings::add);
                } catch (RuntimeException e) {
                    errors.add(new CollectionError(check.id(), "", "check failed on a "
                            + r.getClass().getSimpleName() + " record: " + e.getMessage()));
                    break;
                }
            }
        }
        return new Outcome(findings, errors);
    }

    /** The finding for one record, or empty when the check does not hold for it. */
    public static Optional<Finding> evaluate(Check check, Record record) {
        if (!check.matches(record)) {
            return Optional.empty();
        }
        Finding.Builder b = Finding.builder(check.id(), check.severity(), check.title())
                .summary(check.summary().render(record))
                .attack(check.attack().toArray(String[]::new))
                .remediation(check.remediation());
        for (FieldRef f : check.evidence()) {
            b.evidence(f.name(), Values.json(f.read(record)));
        }
        for (FieldRef f : check.paths()) {
            addPaths(b, f.read(record));
        }
        return Optional.of(b.build());
    }

    private static void addPaths(Finding.Builder b, Object value) {
        if (value instanceof List<?> list) {
            list.forEach(v -> addPaths(b, v));
        } else {
            String text = Values.text(value);
            if (text != null && !text.isEmpty()) {
                b.path(text);
            }
        }
    }
}
