package dev.ward.collect.script;

import dev.ward.collect.CollectResult;
import dev.ward.collect.Collector;
import dev.ward.collect.HostFiles;
import dev.ward.collect.accounts.AccountsCollector;
import dev.ward.collect.Scan;
import dev.ward.host.FileStat;
import dev.ward.host.HostPath;
import dev.ward.model.CollectionError;
import dev.ward.model.ScriptFile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Files run or sourced at boot, at login or at every shell: {@code /etc/rc.local} and Red Hat's
 * {@code /etc/rc.d/rc.local} (kind {@code rc.local}), {@code /etc/init.d/*} ({@code init.d}),
 * {@code /etc/update-motd.d/*} ({@code motd}, run by pam_motd as root at every login), the shell
 * start-up files ({@code shell}): {@link #SYSTEM_SHELL}, {@code /etc/profile.d/*},
 * {@code /etc/bash_completion.d/*} (sourced by every interactive bash), and each passwd home's
 * {@link #HOME_SHELL}; and the {@code Exec=} lines of XDG autostart entries ({@code autostart}:
 * {@code /etc/xdg/autostart/*}, {@code ~/.config/autostart/*}), run at each desktop login.
 * Packaged files are read too: a package's file can be edited. A file reached under two names
 * ({@code /etc/rc.local} linked to {@code /etc/rc.d/rc.local}) is reported once, under the first.
 */
public final class ScriptCollector implements Collector<ScriptFile> {
    /** sshrc and ~/.ssh/rc are run by sshd's session shell at each ssh login. */
    static final List<String> SYSTEM_SHELL = List.of("/etc/profile", "/etc/bash.bashrc", "/etc/bashrc",
            "/etc/environment", "/etc/zshrc", "/etc/zsh/zshenv", "/etc/zsh/zshrc", "/etc/zsh/zprofile",
            "/etc/zsh/zlogin", "/etc/ssh/sshrc");
    static final List<String> HOME_SHELL = List.of(".bashrc", ".profile", ".bash_profile", ".bash_login",
            ".bash_logout", ".bash_aliases", ".zshenv", ".zprofile", ".zshrc", ".zlogin", ".ssh/rc");

    @Override
    public String source() {
        return "scripts";
    }

    @Override
    public Class<ScriptFile> type() {
        return ScriptFile.class;
    }

    @Override
    public CollectResult<ScriptFile> collect(Scan scan) {
        List<CollectionError> errors = new ArrayList<>();
        HostFiles files = new HostFiles(scan, source(), errors);
        Reader r = new Reader(files, new HashSet<>(), new ArrayList<>());
        r.read(HostPath.of("/etc/rc.local"), "rc.local");
        r.read(HostPath.of("/etc/rc.d/rc.local"), "rc.local");
        files.files(HostPath.of("/etc/init.d")).forEach(p -> r.read(p, "init.d"));
        files.files(HostPath.of("/etc/update-motd.d")).forEach(p -> r.read(p, "motd"));
        SYSTEM_SHELL.forEach(p -> r.read(HostPath.of(p), "shell"));
        files.files(HostPath.of("/etc/profile.d")).forEach(p -> r.read(p, "shell"));
        files.files(HostPath.of("/etc/bash_completion.d")).forEach(p -> r.read(p, "shell"));
        files.files(HostPath.of("/etc/xdg/autostart")).forEach(p -> r.read(p, "autostart"));
        List<HostPath> homes = AccountsCollector.homes(scan);
        for (HostPath home : homes) {
            HOME_SHELL.forEach(name -> r.read(home.resolve(name), "shell"));
        }
        for (HostPath home : homes) {
            files.files(home.resolve(".config/autostart")).forEach(p -> r.read(p, "autostart"));
        }
        return new CollectResult<>(r.out(), errors);
    }

    /** Reads each file once, by (device, inode), whatever name reaches it. */
    private record Reader(HostFiles files, Set<List<Long>> seen, List<ScriptFile> out) {
        void read(HostPath p, String kind) {
            FileStat st = files.stat(p).orElse(null);
            if (st == null || !st.isRegular() || !seen.add(List.of(st.device(), st.inode()))) {
                return;
            }
            files.text(p).ifPresent(text -> out.add(new ScriptFile(p.display(), kind,
                    kind.equals("autostart") ? ScriptParser.desktopExec(text) : ScriptParser.commands(text),
                    files.owner(p), st.mtime(), st.permissions())));
        }
    }
}
