package dev.ward.detect.builtin;

import dev.ward.host.HostPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a command line look like an intruder's, shared by the cron, systemd, udev and shell
 * checks: fetching code and running it in one go, opening a shell to the network, and running a
 * program kept in a world-writable temporary directory or a hidden one. Pure string work.
 */
public final class Indicators {
    private record Named(String name, Predicate<String> test) {
    }

    private static final String SHELL = "(?:\\S*/)?(?:ba|da|z|k|tc|c|fi)?sh\\b|(?:\\S*/)?python[0-9.]*\\b|(?:\\S*/)?perl\\b";
    private static final Pattern TO_SHELL = Pattern.compile("\\s*(?:sudo\\s+)?(?:" + SHELL + ")");
    private static final Pattern FETCH = Pattern.compile("\\b(?:curl|wget|fetch|tftp)\\b");
    private static final Pattern DECODE = Pattern.compile("\\bbase(?:64|32)\\s+(?:-d|-D|--decode)\\b");
    private static final Pattern NETCAT = Pattern.compile("\\b(?:nc|ncat|netcat)\\b");
    private static final Pattern EXEC_FLAG = Pattern.compile("\\s-[a-z]*[ec]\\b");
    private static final Pattern SOCAT = Pattern.compile("\\bsocat\\b");
    private static final Pattern EXEC_ADDRESS = Pattern.compile("\\b(?:exec|system):", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCRIPT_CODE = Pattern.compile("\\b(?:python[0-9.]*|perl|ruby|php)\\s+-[a-z]*[ce]\\b");
    private static final Pattern SOCKET = Pattern.compile("\\b(?:socket|fsockopen|TCPSocket)\\b");
    private static final Pattern SUBSTITUTED_FETCH = Pattern.compile("(?:\\$\\(|<\\(|`)\\s*(?:curl|wget|fetch)\\b");
    private static final Pattern DEV_TCP = Pattern.compile("/dev/(?:tcp|udp)/");

    /**
     * Each test runs in time linear in the line: command lines are read whole, and a pattern with
     * a gap ("curl, anything, | sh") run by find() would make a line of megabytes of "curl curl ..."
     * take quadratic time. So pipelines are split into stages, and "A then later B" looks for B
     * only after A's first occurrence.
     */
    private static final List<Named> DOWNLOAD_EXEC = List.of(
            new Named("download piped to a shell", t -> pipedToShell(t, FETCH)),
            new Named("shell runs a download", t -> SUBSTITUTED_FETCH.matcher(t).find()),
            new Named("decoded text piped to a shell", t -> pipedToShell(t, DECODE)),
            new Named("shell over /dev/tcp", t -> DEV_TCP.matcher(t).find()),
            new Named("netcat with -e/-c", t -> Arrays.stream(t.split("[|;]")).anyMatch(s -> later(s, NETCAT, EXEC_FLAG))),
            new Named("socat exec", t -> later(t, SOCAT, EXEC_ADDRESS)),
            new Named("scripted socket", t -> later(t, SCRIPT_CODE, SOCKET)));

    /** A pipeline stage that starts with a shell, fed by a stage in which {@code source} occurs. */
    private static boolean pipedToShell(String text, Pattern source) {
        String[] stages = text.split("\\|", -1);
        for (int i = 1; i < stages.length; i++) {
            if (TO_SHELL.matcher(stages[i]).lookingAt() && source.matcher(stages[i - 1]).find()) {
                return true;
            }
        }
        return false;
    }

    /** {@code second} occurs after the first occurrence of {@code first}. */
    private static boolean later(String text, Pattern first, Pattern second) {
        Matcher m = first.matcher(text);
        return m.find() && second.matcher(text).region(m.end(), text.length()).find();
    }

    /** A network client started as a command: first word, or after ; | & ( $( or a backtick. */
    private static final Pattern NET_CLIENT = Pattern.compile(
            "(?:^|[;|&(`]|\\$\\()\\s*(?:sudo\\s+|exec\\s+|nohup\\s+)?(?:[^\\s;|&(`]*/)?(?:nc|ncat|netcat|socat|telnet)\\s+\\S");

    private static final List<String> TEMP = List.of("/tmp", "/var/tmp", "/dev/shm");
    private static final Pattern SEPARATORS = Pattern.compile("\\|\\||&&|[;|&(`]|\\$\\(|\\)");
    private static final List<String> WRAPPERS = List.of("sudo", "nohup", "exec", "env", "nice", "setsid",
            "command", "time", "timeout", "sh", "bash", "dash", "zsh", "ksh", "-c", ".", "source", "python", "python3",
            "perl", "-e", "!", "{", "then", "do", "else", "if", "while", "eval");

    /** Wrapper options whose next word is their argument, not the program: {@code sudo -u bob}. */
    private static final List<String> OPTIONS_WITH_ARGUMENT = List.of("-u", "-g", "-n");

    private Indicators() {
    }

    /** The name of the download-and-run or remote-shell pattern in the text, if any. */
    public static Optional<String> downloadAndRun(String text) {
        for (Named n : DOWNLOAD_EXEC) {
            if (n.test().test(text)) {
                return Optional.of(n.name());
            }
        }
        return Optional.empty();
    }

    /** A download-and-run pattern, or a network client run as a command (nc, socat, telnet). */
    public static Optional<String> network(String text) {
        return downloadAndRun(text).or(() -> NET_CLIENT.matcher(text).find()
                ? Optional.of("network client") : Optional.empty());
    }

    /**
     * The programs a command line runs: for each simple command (split at ; | & && || ( $( and
     * backticks), the first word after environment assignments and wrappers such as {@code sudo},
     * {@code nohup}, {@code sh -c}, quotes removed. Approximate by design: no shell is parsed.
     */
    public static List<String> programs(String command) {
        List<String> out = new ArrayList<>();
        for (String part : SEPARATORS.split(command)) {
            boolean optionArgument = false;
            for (String word : part.strip().split("\\s+")) {
                String w = word.replaceAll("^[\"'{]+|[\"'}]+$", "");
                boolean skip = optionArgument || w.isEmpty() || WRAPPERS.contains(w) || w.startsWith("-")
                        || w.matches("[A-Za-z_][A-Za-z0-9_]*=.*") || w.matches("[0-9]+[smhd]?");
                optionArgument = OPTIONS_WITH_ARGUMENT.contains(w);
                if (skip) {
                    continue;
                }
                out.add(w);
                break;
            }
        }
        return out;
    }

    /** The first program the command runs from /tmp, /var/tmp, /dev/shm or a hidden directory. */
    public static Optional<String> runsFromTempOrHidden(String command) {
        for (String p : programs(command)) {
            if (isTempOrHidden(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The first program the command runs from /tmp, /var/tmp or /dev/shm (hidden paths allowed). */
    public static Optional<String> runsFromTemp(String command) {
        return programs(command).stream().filter(Indicators::isTemp).findFirst();
    }

    public static boolean isTemp(String path) {
        return TEMP.stream().anyMatch(t -> path.equals(t) || path.startsWith(t + "/"));
    }

    /** True for an absolute path in a temporary directory or with a component starting with a dot. */
    public static boolean isTempOrHidden(String path) {
        String p = path.replaceFirst("^(~|\\$HOME|\\$\\{HOME\\}|%h)/", "/home/user/");
        if (!p.startsWith("/")) {
            return false;
        }
        return isTemp(p) || HostPath.of(p).isHidden();
    }
}
