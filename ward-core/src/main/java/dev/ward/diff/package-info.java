/**
 * Comparing a baseline with a new scan: a merge-join of two path-sorted streams of
 * {@link dev.ward.model.FileEntry} into {@link dev.ward.diff.Difference}s (added, removed,
 * modified), comparing only the attributes the rules select for each path, and their conversion
 * to the report's {@link dev.ward.report.Change}.
 */
package dev.ward.diff;
