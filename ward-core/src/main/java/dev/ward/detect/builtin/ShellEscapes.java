package dev.ward.detect.builtin;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Programs that, run through sudo, give a root shell (GTFOBins "sudo" entries): shells, editors,
 * pagers, interpreters and tools that run commands. A command is judged by its program's base name,
 * so {@code /usr/bin/vim /etc/motd} still counts: vim's {@code :!sh} works whatever the file.
 */
final class ShellEscapes {
    private static final Set<String> PROGRAMS = Set.of(
            "sh", "bash", "dash", "zsh", "ksh", "csh", "tcsh", "fish", "busybox", "su", "sudo", "env",
            "vi", "vim", "view", "rvim", "nvim", "nano", "pico", "ed", "emacs", "less", "more", "man",
            "find", "awk", "gawk", "mawk", "nawk", "perl", "ruby", "lua", "php", "node", "tclsh", "expect",
            "tar", "zip", "rsync", "scp", "ssh", "git", "ftp", "gdb", "nmap", "script", "socat", "nc",
            "ncat", "tee", "dd", "cp", "mv", "chmod", "chown", "docker", "systemctl", "journalctl", "xargs",
            "flock", "nice", "timeout", "strace", "ltrace", "taskset", "ionice", "stdbuf", "watch", "screen",
            "tmux", "crontab", "apt", "apt-get", "dpkg", "pip", "pip3", "make", "openssl", "run-parts");
    private static final Pattern VERSIONED = Pattern.compile("^(python|perl|ruby|php|lua|pip)[0-9.]*$");

    /** A digest before the command ({@code sha256:HEX /bin/bash}): sudo checks the file's hash, nothing more. */
    private static final Pattern DIGEST = Pattern.compile("^(sha(224|256|384|512):[^ \t]+[ \t]+)+");

    private ShellEscapes() {
    }

    static boolean escapes(String command) {
        if (command.startsWith("!")) {
            return false;
        }
        String program = DIGEST.matcher(command.strip()).replaceFirst("").split("[ \t]+", 2)[0];
        String base = program.substring(program.lastIndexOf('/') + 1);
        return PROGRAMS.contains(base) || VERSIONED.matcher(base).matches();
    }
}
