/**
 * Detectors written in Java because they need several sources, the package index or the clock.
 * Each emits one finding per file and check, with the offending lines in its evidence.
 */
package dev.ward.detect.builtin;
