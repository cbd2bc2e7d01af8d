package dev.ward.collect.accounts;

import dev.ward.collect.HostFiles;
import dev.ward.host.DirEntry;
import dev.ward.host.HostPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What, on this root, accounts for an account's existence. No file records "package X created
 * user Y", so the evidence is read where it lies: base-passwd's master file (the static Debian
 * accounts), systemd-sysusers configuration, the adduser/useradd commands of maintainer scripts,
 * and the installer's logs (debconf's passwd/username answer, user-setup's adduser).
 */
final class AccountOrigins {
    private static final HostPath MASTER = HostPath.of("/usr/share/base-passwd/passwd.master");
    private static final List<HostPath> SYSUSERS = List.of(
            HostPath.of("/usr/lib/sysusers.d"), HostPath.of("/etc/sysusers.d"), HostPath.of("/lib/sysusers.d"));
    private static final HostPath DPKG_INFO = HostPath.of("/var/lib/dpkg/info");
    private static final HostPath INSTALLER = HostPath.of("/var/log/installer");
    /** Commands that make an account, or remove it on purge: either way the package owns it. */
    private static final Pattern CREATES = Pattern.compile("\\b(?:adduser|useradd|deluser|userdel)\\b");

    private final Map<String, String> masterShells = new HashMap<>();
    private final Map<String, String> sysusers = new HashMap<>();
    /** Account-creating commands (adduser/useradd, continuations joined) of maintainer scripts, by package. */
    private final List<Command> commands = new ArrayList<>();
    private final List<String> installerLogs = new ArrayList<>();

    /** One adduser/useradd command line of a package's script, with the script's variable values. */
    private record Command(String pkg, String line, String script) {
    }

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
            // A removed but not purged package keeps only its postrm, which deletes the account on purge.
            if (n.endsWith(".postinst") || n.endsWith(".preinst") || n.endsWith(".config")
                    || n.endsWith(".postrm") || n.endsWith(".prerm")) {
                files.text(e.path()).ifPresent(text -> addCommands(packageOf(n), text));
            }
        }
        for (HostPath dir : List.of(INSTALLER, INSTALLER.resolve("cdebconf"))) {
            files.files(dir).forEach(f -> files.text(f).ifPresent(installerLogs::add));
        }
    }

    private void addCommands(String pkg, String script) {
        String joined = script.replace("\\\n", " ");
        joined.lines().filter(l -> CREATES.matcher(l).find()).forEach(l -> commands.add(new Command(pkg, l, joined)));
    }

    /**
     * {@code base-passwd}, {@code package:NAME}, {@code sysusers}, {@code installer}, or empty.
     * A package counts only where one of its adduser/useradd commands names the account, directly
     * or through a variable its script sets to that name: a name that merely occurs in some
     * script ("test", "echo") proves nothing.
     */
    String originOf(String account) {
        if (masterShells.containsKey(account)) {
            return "base-passwd";
        }
        if (sysusers.containsKey(account)) {
            return "sysusers";
        }
        Pattern word = word(account);
        Pattern assigned = Pattern.compile("(?m)^\\s*(?:local\\s+|export\\s+)?\\w+=[\"']?" + Pattern.quote(account) + "[\"']?\\s*$");
        for (Command c : commands) {
            if (word.matcher(c.line()).find() || (c.line().contains("$") && assigned.matcher(c.script()).find())) {
                return "package:" + c.pkg();
            }
        }
        Pattern setup = Pattern.compile("(?m)(?:(?:adduser|useradd|user-setup)[^\\n]*" + word.pattern()
                + "|^Name: passwd/username\\n(?:[^\\n]+\\n)*?Value: " + Pattern.quote(account) + "$)");
        for (String log : installerLogs) {
            if (setup.matcher(log).find()) {
                return "installer";
            }
        }
        return "";
    }

    /** True when whatever created the account also gave it this shell (adduser --shell, useradd -s). */
    boolean shellByPackage(String account, String shell, String origin) {
        if (origin.equals("base-passwd")) {
            return shell.equals(masterShells.get(account));
        }
        if (origin.startsWith("package:")) {
            String pkg = origin.substring("package:".length());
            Pattern option = Pattern.compile("(?:--shell[=\\s]+|-s\\s+)[\"']?" + Pattern.quote(shell) + "(?![\\w/.-])");
            return commands.stream().filter(c -> c.pkg().equals(pkg)).anyMatch(c -> option.matcher(c.line()).find());
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
