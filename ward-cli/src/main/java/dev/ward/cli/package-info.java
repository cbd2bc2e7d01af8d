/** The {@code ward} command line: thin picocli commands over ward-core, exit codes in one place. */
package dev.ward.cli;
