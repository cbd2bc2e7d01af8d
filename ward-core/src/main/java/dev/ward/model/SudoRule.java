package dev.ward.model;

import java.util.List;

/**
 * One grant of a sudoers user specification, for one principal. Aliases are expanded, nested ones too:
 * a {@code User_Alias} gives one rule per member, a {@code Cmnd_Alias} its commands, so that
 * {@code ADMINS ALL=(ALL) NOPASSWD: ALL} reads like what it grants.
 *
 * @param principal a user, {@code %group}, {@code %:nonunixgroup}, {@code #uid} or {@code ALL}
 * @param runas     the Runas list as written inside the parentheses; "root" when absent
 * @param nopasswd  the commands are tagged NOPASSWD (or follow such a tag in the same spec)
 * @param setenv    the commands are tagged SETENV: the caller may set any variable, LD_PRELOAD too
 * @param commands  commands with their arguments; a leading '!' marks an exclusion
 * @param text      the whole logical line, continuations joined
 */
public record SudoRule(
        String path, int line, String principal, List<String> hosts, String runas,
        boolean nopasswd, boolean setenv, List<String> commands, String text) {

    public SudoRule {
        hosts = List.copyOf(hosts);
        commands = List.copyOf(commands);
    }
}
