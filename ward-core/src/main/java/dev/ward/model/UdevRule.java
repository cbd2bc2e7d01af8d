package dev.ward.model;

/**
 * A program a udev rule runs when a device event matches: {@code RUN+=}, {@code RUN{program}+=},
 * {@code PROGRAM=} or {@code IMPORT{program}=}. {@code RUN{builtin}} is not a program and is left out.
 *
 * @param program     the command as written, first word an absolute path or a name udev looks up
 *                    in {@code /usr/lib/udev}
 * @param packageName the package owning the rules file, or null
 */
public record UdevRule(String path, int line, String key, String program, String packageName) {
}
