/**
 * File integrity baselines: the attribute table ({@link dev.ward.baseline.Attribute}), what rules
 * select ({@link dev.ward.baseline.Selection}), the parallel scanner that records selected files
 * ({@link dev.ward.baseline.TreeScanner}), and the store: an SQLite file keyed by path bytes,
 * written atomically, self-describing and signed with Ed25519.
 */
package dev.ward.baseline;
