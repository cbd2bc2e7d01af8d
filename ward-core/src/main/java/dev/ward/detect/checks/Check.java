package dev.ward.detect.checks;

import dev.ward.model.Severity;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One detection as data: a predicate over the records of one source, and what to say when it
 * holds. Built by {@link CheckLoader} from a YAML file (schema 1, see {@code docs/checks.md});
 * immutable, with parameters already resolved into {@link #match()}.
 *
 * @param id         dotted, area first, {@code [a-z0-9_.]}: {@code linux.accounts.uid0_non_root}
 * @param description for the analyst: why it matters, how to confirm, benign causes
 * @param source     the record source the check runs over, e.g. {@code accounts}
 * @param requires   facts the root must have for the check to mean anything: {@code dpkg} (a
 *                   package database, without which "owned by no package" is true of everything)
 * @param parameters by name, in file order, with effective values
 * @param paths      fields whose values become the finding's paths
 * @param evidence   fields copied into the finding's evidence, keyed by their names
 * @param at         where the id is written, for messages about the check as a whole
 */
public record Check(
        String id,
        String title,
        String description,
        Severity severity,
        List<String> attack,
        List<String> references,
        String source,
        List<String> requires,
        Map<String, Parameter> parameters,
        Match match,
        Template summary,
        List<FieldRef> paths,
        List<FieldRef> evidence,
        String remediation,
        Position at) {

    /** The only schema version this code reads. */
    public static final int SCHEMA = 1;

    public Check {
        attack = List.copyOf(attack);
        references = List.copyOf(references);
        requires = List.copyOf(requires);
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        paths = List.copyOf(paths);
        evidence = List.copyOf(evidence);
    }

    /** The file the check was loaded from, as given to the loader. */
    public String file() {
        return at.file();
    }

    /**
     * Fails on the first field that records of {@code type} cannot have, at the line that names it.
     * A registry calls this once it knows which record class the check's source produces.
     */
    public void validate(Class<? extends Record> type) throws CheckFormatException {
        Iterator<FieldRef> refs = Stream.of(match.fields(), summary.fields(), paths.stream(), evidence.stream())
                .flatMap(s -> s)
                .iterator();
        while (refs.hasNext()) {
            FieldRef ref = refs.next();
            String problem = RecordFields.problem(type, ref.path());
            if (problem != null) {
                throw ref.at().error(problem);
            }
        }
    }

    /** Whether the check holds for a record; see {@link CheckRunner} for the finding it makes. */
    public boolean matches(Record record) {
        return match.test(record);
    }
}
