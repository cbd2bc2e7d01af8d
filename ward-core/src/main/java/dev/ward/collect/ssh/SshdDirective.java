package dev.ward.collect.ssh;

import java.util.List;

/**
 * One sshd_config directive.
 *
 * @param keyword lower case, as sshd compares keywords
 * @param match   the criteria of the enclosing {@code Match} block; empty at global scope
 */
public record SshdDirective(String file, int line, String keyword, List<String> args, String match) {
    public SshdDirective {
        args = List.copyOf(args);
    }

    public String first() {
        return args.isEmpty() ? "" : args.get(0);
    }
}
