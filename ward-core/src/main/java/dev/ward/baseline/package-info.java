/**
 * File integrity baselines: the attribute table ({@link dev.ward.baseline.Attribute}), what rules
 * select ({@link dev.ward.baseline.Selection}), and the store: versioned, self-describing, signed.
 *
 * <p>A baseline is one SQLite file: a {@code header} table of key/value rows
 * ({@link dev.ward.baseline.BaselineHeader}) and an {@code entries} table with one row per
 * {@link dev.ward.model.FileEntry}, keyed by the path's raw bytes. {@link dev.ward.baseline.BaselineWriter}
 * replaces a baseline atomically (temporary file, sync, rename); {@link dev.ward.baseline.BaselineReader}
 * opens it read-only and streams entries in path byte order. {@link dev.ward.baseline.BaselineSignature}
 * signs the whole content with an Ed25519 key from {@link dev.ward.baseline.KeyFiles} and checks it.
 */
package dev.ward.baseline;
