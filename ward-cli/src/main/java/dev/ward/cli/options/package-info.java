/** Options shared by several commands, as picocli mixins. */
package dev.ward.cli.options;
