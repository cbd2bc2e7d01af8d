/**
 * File integrity baselines: the attribute table ({@link dev.ward.baseline.Attribute}), what rules
 * select ({@link dev.ward.baseline.Selection}), the scan that records them
 * ({@link dev.ward.baseline.TreeScanner}, entries in path-byte order), and the store: versioned,
 * self-describing, signed.
 */
package dev.ward.baseline;
