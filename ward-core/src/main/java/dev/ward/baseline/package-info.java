/**
 * File integrity baselines: the attribute table ({@link dev.ward.baseline.Attribute}), what rules
 * select ({@link dev.ward.baseline.Selection}), and the store: versioned, self-describing, signed.
 */
package dev.ward.baseline;
