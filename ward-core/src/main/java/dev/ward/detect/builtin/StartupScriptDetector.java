package dev.ward.detect.builtin;

import dev.ward.collect.Scan;
import dev.ward.collect.script.ScriptCollector;
import dev.ward.detect.Detector;
import dev.ward.detect.Results;
import dev.ward.model.Finding;
import dev.ward.model.ScriptFile;
import dev.ward.model.Severity;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Boot and login scripts:
 * <ul>
 * <li>{@code linux.rc_local.commands} (medium; high with a network or temporary-path indicator):
 *     {@code /etc/rc.local} has commands besides {@code exit 0}; systemd's rc-local generator runs it
 *     at boot whenever it is executable (ATT&CK T1037.004).</li>
 * <li>{@code linux.shell.startup_command} (high): a shell start-up line, or an XDG autostart
 *     entry's {@code Exec=}, that opens a network connection, downloads and runs code, runs a
 *     program from /tmp, /var/tmp or /dev/shm, sets {@code LD_PRELOAD}, or sets
 *     {@code PROMPT_COMMAND} to something of that kind (T1546.004).
 *     Hidden paths are normal here ({@code . ~/.bash_aliases}) and are not an indicator.</li>
 * <li>{@code linux.motd.script_command} and {@code linux.init.script_command} (high): a line of an
 *     update-motd script (run as root by pam_motd at every login, T1037) or an init script (run as
 *     root at boot, T1037.004) with a network or temporary-path indicator, packaged or not: a
 *     packaged script can be edited. Scripts no package installed are the catalogue checks'.</li>
 * </ul>
 * {@code LD_PRELOAD} in {@code /etc/environment} is the preload check's; it is not repeated here.
 */
public final class StartupScriptDetector implements Detector {
    private static final Pattern LD_PRELOAD = Pattern.compile("(?:^|[\\s;])(?:export\\s+)?LD_PRELOAD\\s*=\\s*\\S");
    private static final Pattern PROMPT = Pattern.compile("\\bPROMPT_COMMAND\\s*\\+?=\\s*(.*)");
    private static final Pattern ODD_PROMPT = Pattern.compile("\\b(?:base64|curl|wget|eval|python[0-9.]*|perl|logger)\\b"
            + "|/dev/(?:tcp|udp)/");

    @Override
    public String name() {
        return "startup-scripts";
    }

    @Override
    public void detect(Scan scan, Results out) {
        for (ScriptFile f : out.take(scan.records(new ScriptCollector()))) {
            switch (f.kind()) {
                case "rc.local" -> rcLocal(f, out);
                case "shell", "autostart" -> shell(f, out);
                case "motd", "init.d" -> rootScript(f, out);
                default -> { }
            }
        }
    }

    private static void rcLocal(ScriptFile f, Results out) {
        List<ScriptFile.Line> cmds = f.commands().stream().filter(l -> !l.text().matches("exit(\\s+0)?;?")).toList();
        if (cmds.isEmpty()) {
            return;
        }
        ScriptFile.Line worst = cmds.stream().filter(l -> indicator(l.text()).isPresent()).findFirst().orElse(null);
        ScriptFile.Line shown = worst != null ? worst : cmds.getFirst();
        out.add(Finding.builder("linux.rc_local.commands", worst != null ? Severity.HIGH : Severity.MEDIUM,
                        "/etc/rc.local runs commands at boot")
                .summary(f.path() + ":" + shown.line() + " runs " + Evidence.shown(shown.text())
                        + (cmds.size() > 1 ? " (and " + (cmds.size() - 1) + " more line(s))" : ""))
                .evidence("path", f.path()).evidence("line", shown.line()).evidence("command", Evidence.shown(shown.text()))
                .evidence("commands", cmds.size()).evidence("indicator", worst == null ? null : indicator(worst.text()).get())
                .evidence("mode", Evidence.octal(f.mode())).evidence("package", Evidence.owner(f.packageName()))
                .evidence("mtime", Evidence.time(f.mtime())).path(f.path()).attack("T1037.004")
                .remediation("Read the commands; if they are not the administrator's, remove them, keep a copy, "
                        + "and find what they started.").build());
    }

    private static void shell(ScriptFile f, Results out) {
        boolean environment = f.path().equals("/etc/environment");
        for (ScriptFile.Line l : f.commands()) {
            Optional<String> why = indicator(l.text());
            if (why.isEmpty() && !environment && LD_PRELOAD.matcher(l.text()).find()) {
                why = Optional.of("sets LD_PRELOAD");
            }
            Matcher m = PROMPT.matcher(l.text());
            if (why.isEmpty() && m.find() && ODD_PROMPT.matcher(m.group(1)).find()) {
                why = Optional.of("PROMPT_COMMAND runs " + m.group(1));
            }
            why.ifPresent(w -> out.add(shellFinding(f, l, w)));
        }
    }

    private static void rootScript(ScriptFile f, Results out) {
        boolean motd = f.kind().equals("motd");
        for (ScriptFile.Line l : f.commands()) {
            indicator(l.text()).ifPresent(why -> out.add(Finding.builder(
                            motd ? "linux.motd.script_command" : "linux.init.script_command", Severity.HIGH,
                            motd ? "Login message script runs a suspicious command as root at every login"
                                    : "Init script runs a suspicious command as root at boot")
                    .summary(f.path() + ":" + l.line() + " (" + why + "): " + Evidence.shown(l.text()))
                    .evidence("path", f.path()).evidence("line", l.line()).evidence("text", Evidence.shown(l.text()))
                    .evidence("indicator", why).evidence("mode", Evidence.octal(f.mode()))
                    .evidence("package", Evidence.owner(f.packageName())).evidence("mtime", Evidence.time(f.mtime()))
                    .path(f.path()).attack(motd ? "T1037" : "T1037.004")
                    .remediation("Remove the line (keep a copy); if a package owns the script, compare it with "
                            + "the package's copy, and look for what the command fetched or started.").build()));
        }
    }

    private static Optional<String> indicator(String text) {
        return Indicators.network(text).or(() -> Indicators.runsFromTemp(text).map(p -> "runs " + p));
    }

    private static Finding shellFinding(ScriptFile f, ScriptFile.Line l, String why) {
        return Finding.builder("linux.shell.startup_command", Severity.HIGH, "Shell start-up file runs a suspicious command")
                .summary(f.path() + ":" + l.line() + " (" + why + "): " + Evidence.shown(l.text()))
                .evidence("path", f.path()).evidence("line", l.line()).evidence("text", Evidence.shown(l.text()))
                .evidence("indicator", why).evidence("package", Evidence.owner(f.packageName()))
                .evidence("mtime", Evidence.time(f.mtime())).path(f.path()).attack("T1546.004")
                .remediation("Remove the line (keep a copy), then check who edited the file and whether the "
                        + "command already ran: look for its connections and files.").build();
    }
}
