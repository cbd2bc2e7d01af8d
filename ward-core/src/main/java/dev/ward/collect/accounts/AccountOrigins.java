package dev.ward.collect.accounts;

import dev.ward.collect.HostFiles;
import dev.ward.host.DirEntry;
import dev.ward.host.HostPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What, on this root, accounts for an account's existence. No file records "package X created
 * user Y", so the evidence is read where it lies: base-passwd's master file (the static Debian
 * accounts), systemd-sysusers configuration, the maintainer scripts that call adduser/useradd,
 * and the installer's logs (the first user made at install time).
 */
final class AccountOrigins {
    private static final HostPath MASTER = HostPath.of("/usr/share/base-passwd/passwd.master");
    private static final List<HostPath> SYSUSERS = List.of(
            HostPath.of("/usr/lib/sysusers.d"), HostPath.of("/etc/sysusers.d"), HostPath.of("/lib/sysusers.d"));
    private static final HostPath DPKG_INFO = HostPath.of("/var/lib/dpkg/info");
    private static final HostPath INSTALLER = HostPath.of("/var/log/installer");

    private final Map<String, String> masterShells = new HashMap<>();
    private final Map<String, String> sysusers = new HashMap<>();
    /** Maintainer scripts by file name ({@code avahi-daemon.postinst}), each package has several. */
    private final Map<String, String> scripts = new LinkedHashMap<>();
    private final List<String> installerLogs = new ArrayList<>();
    AccountOrigins(HostFiles files) {
        files.text(MASTER).ifPresent(text -> PasswdParser.parse(text, MASTER.display()).lines()
                .forEach(l -> masterShells.put(l.name(), l.shell())));
        for (HostPath dir : SYSUSERS) {
            for (DirEntry e : files.entries(dir)) {
                files.text(e.path()).ifPresent(text -> text.lines()
                        .map(String::strip)
                        .filter(l -> l.startsWith("u ") || l.startsWith("u! "))
                        .forEach(l -> sysusers.put(l.split("\\s+")[1], e.path().display())));
            }
        }
        for (DirEntry e : files.entries(DPKG_INFO)) {
            String n = e.name();
            if (n.endsWith(".postinst") || n.endsWith(".preinst") || n.endsWith(".config")) {
                files.text(e.path()).ifPresent(text -> scripts.put(n, text));
            }
        }
        for (DirEntry e : files.entries(INSTALLER)) {
            files.text(e.path()).ifPresent(installerLogs::add);
        }
    }

    /** {@code base-passwd}, {@code package:NAME}, {@code sysusers}, {@code installer}, or empty. */
    String originOf(String account) {
        if (masterShells.containsKey(account)) {
            return "base-passwd";
        }
        if (sysusers.containsKey(account)) {
            return "sysusers";
        }
        Pattern word = word(account);
        for (Map.Entry<String, String> s : scripts.entrySet()) {
            if (word.matcher(s.getValue()).find()) {
                return "package:" + packageOf(s.getKey());
            }
        }
        for (String log : installerLogs) {
            if (word.matcher(log).find()) {
                return "installer";
            }
        }
        return "";
    }

    /** True when whatever created the account also gave it this shell. */
    boolean shellByPackage(String account, String shell, String origin) {
        if (origin.equals("base-passwd")) {
            return shell.equals(masterShells.get(account));
        }
        if (origin.startsWith("package:")) {
            String pkg = origin.substring("package:".length());
            return scripts.entrySet().stream()
                    .filter(s -> packageOf(s.getKey()).equals(pkg))
                    .anyMatch(s -> s.getValue().contains(shell));
        }
        return false;
    }

    /** {@code libc6:amd64.postinst} is a script of package {@code libc6}. */
    private static String packageOf(String scriptName) {
        return scriptName.substring(0, scriptName.lastIndexOf('.')).replaceFirst(":.*", "");
    }

    private static Pattern word(String name) {
        return Pattern.compile("(?<![\\w.-])" + Pattern.quote(name) + "(?![\\w.-])");
    }

}
