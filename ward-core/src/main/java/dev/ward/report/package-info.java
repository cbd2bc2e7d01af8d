/**
 * The report model ({@link dev.ward.report.Report}), the reporters that format it (text, JSON,
 * NDJSON in Elastic Common Schema, self-contained HTML) and the exit status.
 */
package dev.ward.report;
