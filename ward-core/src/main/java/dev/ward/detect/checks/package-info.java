/**
 * Checks as data: detections that are predicates over the records of one source, written as
 * versioned YAML files (schema 1, one check per file; the format is described in
 * {@code docs/checks.md}).
 *
 * <p>The pipeline: {@link dev.ward.detect.checks.CheckLoader} reads a file into an immutable
 * {@link dev.ward.detect.checks.Check}, with parameters resolved and regexes and globs compiled, or
 * fails with a {@link dev.ward.detect.checks.CheckFormatException} whose message is
 * {@code file:line:column: problem}. {@link dev.ward.detect.checks.CheckCatalog} gathers the
 * built-in checks (listed in {@code dev/ward/checks/index.txt}) and the user's, and rejects
 * duplicate ids. Once the record class of a source is known,
 * {@link dev.ward.detect.checks.Check#validate} rejects fields that class does not have.
 * {@link dev.ward.detect.checks.CheckRunner} evaluates checks over records and builds findings.
 *
 * <p>Records are read by component name through {@link dev.ward.detect.checks.RecordFields}; how
 * values compare and print (paths escaped, enums in lower case, instants as ISO text or epoch
 * seconds, lists matching when any element does) is decided in one place, {@code Values}.
 */
package dev.ward.detect.checks;
