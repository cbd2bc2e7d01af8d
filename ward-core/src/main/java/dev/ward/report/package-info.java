/**
 * The report model ({@link dev.ward.report.Report}), the reporters that format it and the exit
 * status. {@link dev.ward.report.Format} names the four formats of {@code --format}: text for a
 * terminal, the JSON report of DESIGN.md, NDJSON in Elastic Common Schema, and one self-contained
 * HTML page. {@link dev.ward.report.Json} is the JSON writer they share (no library needed).
 *
 * <p>Report text is treated as hostile: file names, process names and log lines come from the
 * inspected host. JSON escapes it, the text report makes control characters visible, and the HTML
 * page escapes it and forbids scripts other than its own.
 */
package dev.ward.report;
