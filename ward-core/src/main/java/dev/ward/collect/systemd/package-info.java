/** systemd units: the unit-file parser, the search-path and enablement logic, and the collector. */
package dev.ward.collect.systemd;
