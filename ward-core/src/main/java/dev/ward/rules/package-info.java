/**
 * AIDE 0.18's rule language (aide.conf(5)), so existing AIDE rule sets port over. The pipeline:
 * {@link dev.ward.rules.RuleLexer} (bytes to logical lines with file:line, macros, includes) ->
 * {@link dev.ward.rules.RuleParser} (lines to {@link dev.ward.rules.Statement} records) ->
 * {@link dev.ward.rules.RuleCompiler} (groups resolved, regexes compiled) -> an immutable
 * {@link dev.ward.rules.RuleSet}, which is the {@link dev.ward.baseline.Selection} a scan follows.
 * Anything ward does not support is a {@link dev.ward.rules.RuleFormatException} at file:line,
 * never silently ignored. The language is documented in docs/rules.md.
 */
package dev.ward.rules;
