/**
 * Detectors written in Java because they need the package index, several files, file contents or
 * stat data. {@link dev.ward.detect.builtin.PersistenceDetectors} lists the persistence ones.
 */
package dev.ward.detect.builtin;
