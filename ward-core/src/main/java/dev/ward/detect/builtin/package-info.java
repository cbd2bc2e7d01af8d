/** Detectors written in Java: those that need state across records, several sources, or the process itself. */
package dev.ward.detect.builtin;
