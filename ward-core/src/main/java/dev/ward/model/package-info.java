/**
 * Records of host state and of what ward concludes about it: {@link dev.ward.model.Finding},
 * {@link dev.ward.model.Severity}, {@link dev.ward.model.CollectionError}, and one record per
 * host source (accounts, keys, cron entries, units...). Records hold values only; parsing lives in
 * collectors and judgement in checks.
 */
package dev.ward.model;
