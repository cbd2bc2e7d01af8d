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
import java.util.List;

/**
 * Files run or sourced at boot, at login or at every shell: {@code /etc/rc.local} (kind
 * {@code rc.local}), {@code /etc/init.d/*} ({@code init.d}), {@code /etc/update-motd.d/*}
 * ({@code motd}, run by pam_motd as root at every login) and the shell start-up files
 * ({@code shell}): {@code /etc/profile}, {@code /etc/profile.d/*}, {@code /etc/bash.bashrc},
 * {@code /etc/environment}, and each passwd home's {@code .bashrc .profile .bash_profile
 * .bash_login .bash_logout .zshrc}. Packaged files are read too: a package's file can be edited.
 */
public final class ScriptCollector implements Collector<ScriptFile> {
    static final List<String> SYSTEM_SHELL = List.of("/etc/profile", "/etc/bash.bashrc", "/etc/environment",
            "/etc/zsh/zshrc", "/etc/zsh/zprofile");
    static final List<String> HOME_SHELL = List.of(".bashrc", ".profile", ".bash_profile", ".bash_login",
            ".bash_logout", ".zshrc");

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
        List<ScriptFile> out = new ArrayList<>();
        read(files, HostPath.of("/etc/rc.local"), "rc.local", out);
        files.files(HostPath.of("/etc/init.d")).forEach(p -> read(files, p, "init.d", out));
        files.files(HostPath.of("/etc/update-motd.d")).forEach(p -> read(files, p, "motd", out));
        SYSTEM_SHELL.forEach(p -> read(files, HostPath.of(p), "shell", out));
        files.files(HostPath.of("/etc/profile.d")).forEach(p -> read(files, p, "shell", out));
        for (HostPath home : AccountsCollector.homes(scan)) {
            HOME_SHELL.forEach(name -> read(files, home.resolve(name), "shell", out));
        }
        return new CollectResult<>(out, errors);
    }

    private static void read(HostFiles files, HostPath p, String kind, List<ScriptFile> out) {
        FileStat st = files.stat(p).orElse(null);
        if (st == null || !st.isRegular()) {
            return;
        }
        files.text(p).ifPresent(text -> out.add(new ScriptFile(p.display(), kind, ScriptParser.commands(text),
                files.owner(p), st.mtime(), st.permissions())));
    }
}
