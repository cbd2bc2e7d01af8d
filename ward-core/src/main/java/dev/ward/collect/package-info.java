/**
 * Collectors: each reads one source of the host through {@link dev.ward.host.HostRoot} and hands
 * pure parsers the text, returning records and errors. {@link dev.ward.collect.Scan} shares what
 * was collected between the checks of one run.
 */
package dev.ward.collect;
