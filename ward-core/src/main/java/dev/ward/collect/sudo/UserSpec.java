package dev.ward.collect.sudo;

import dev.ward.model.SudoRule;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sudoers user specification: {@code User_List Host_List = [(Runas)] [Tags:] Cmnd, ...}. Runas
 * and tags carry over to the following commands of the line until changed, as sudoers(5) says, so
 * one line may give several rules: one per user, host list, and run of commands with the same
 * runas, NOPASSWD and SETENV state.
 */
final class UserSpec {
    private static final Pattern TAG = Pattern.compile(
            "^(NO)?(PASSWD|EXEC|SETENV|LOG_INPUT|LOG_OUTPUT|MAIL|FOLLOW|INTERCEPT|CHECKSUM)[ \t]*:");
    private static final Pattern OPTION = Pattern.compile(
            "^(ROLE|TYPE|CWD|CHROOT|TIMEOUT|NOTBEFORE|NOTAFTER|APPARMOR_PROFILE|PRIVS|LIMITPRIVS)=[^ \t]+");

    private static final String HOST = "!?[ \t]*[A-Za-z0-9_.*?\\[\\]+%@/-]+";
    private static final Pattern HOSTS = Pattern.compile("^[ \t]*" + HOST + "([ \t]*,[ \t]*" + HOST + ")*[ \t]*=");
    private static final Pattern DIGEST_NAME = Pattern.compile("(^|[ \t,:])sha(224|256|384|512)$");

    private UserSpec() {
    }

    /** Adds the rules of a line; false when it is not a user specification. */
    static boolean parse(String path, int no, String line, List<SudoRule> rules) {
        int eq = line.indexOf('=');
        if (eq <= 0) {
            return false;
        }
        String[] left = line.substring(0, eq).strip().replaceAll("[ \t]*,[ \t]*", ",").split("[ \t]+");
        String right = line.substring(eq + 1).strip();
        if (left.length != 2 || right.isEmpty()) {
            return false;
        }
        List<HostSpec> specs = new ArrayList<>();
        String hosts = left[1];
        for (String part : hostSpecs(right)) {
            int at = part.indexOf('=');
            List<Group> groups = groups(specs.isEmpty() ? part : part.substring(at + 1));
            if (groups == null) {
                return false;
            }
            specs.add(new HostSpec(list(specs.isEmpty() ? hosts : part.substring(0, at)), groups));
        }
        for (String user : list(left[0])) {
            for (HostSpec spec : specs) {
                for (Group g : spec.groups) {
                    rules.add(new SudoRule(path, no, user, spec.hosts, g.runas, g.nopasswd, g.setenv, g.commands,
                            line));
                }
            }
        }
        return true;
    }

    private record HostSpec(List<String> hosts, List<Group> groups) {
    }

    /** The commands of one {@code Host_List =}; null when one is empty. Runas and tags start afresh. */
    private static List<Group> groups(String commands) {
        Cursor cursor = new Cursor();
        List<Group> groups = new ArrayList<>();
        for (String piece : splitUnescaped(commands, ',')) {
            String cmd = cursor.command(piece.strip());
            if (cmd.isEmpty()) {
                return null;
            }
            add(groups, cursor.runas, cursor.nopasswd, cursor.setenv, cmd);
        }
        return groups;
    }

    /**
     * The right side of a spec cut at each ':' that starts another {@code Host_List =}
     * ({@code alice h1 = /bin/a : h2 = ALL}); the first part is the commands of the left side's
     * hosts, each later one begins with its hosts. A ':' ending a tag ({@code NOPASSWD:}) is
     * followed by a command, not by hosts and '='; one after a digest name ({@code sha256:}) starts
     * a hash, which may end in '=' padding; {@code CWD=} and the like are options.
     */
    static List<String> hostSpecs(String right) {
        List<String> out = new ArrayList<>();
        for (String piece : splitUnescaped(right, ':')) {
            if (out.isEmpty() || (HOSTS.matcher(piece).find() && !OPTION.matcher(piece.strip()).find()
                    && !DIGEST_NAME.matcher(out.getLast()).find())) {
                out.add(piece);
            } else {
                out.set(out.size() - 1, out.getLast() + ":" + piece);
            }
        }
        return out;
    }

    /** Runas and NOPASSWD as they carry from one command of a line to the next. */
    private static final class Cursor {
        String runas = "root";
        boolean nopasswd;
        boolean setenv;

        /** Consumes the runas list, tags and options before a command; returns the command. */
        String command(String piece) {
            String cmd = piece;
            Matcher m;
            while (true) {
                if (cmd.startsWith("(") && cmd.indexOf(')') > 0) {
                    runas = cmd.substring(1, cmd.indexOf(')')).strip();
                    cmd = cmd.substring(cmd.indexOf(')') + 1).strip();
                } else if ((m = TAG.matcher(cmd)).find()) {
                    nopasswd = m.group(2).equals("PASSWD") ? m.group(1) != null : nopasswd;
                    setenv = m.group(2).equals("SETENV") ? m.group(1) == null : setenv;
                    cmd = cmd.substring(m.end()).strip();
                } else if ((m = OPTION.matcher(cmd)).find()) {
                    cmd = cmd.substring(m.end()).strip();
                } else {
                    return cmd;
                }
            }
        }
    }

    private record Group(String runas, boolean nopasswd, boolean setenv, List<String> commands) {
    }

    private static void add(List<Group> groups, String runas, boolean nopasswd, boolean setenv, String cmd) {
        Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
        if (last != null && last.runas.equals(runas) && last.nopasswd == nopasswd && last.setenv == setenv) {
            last.commands.add(cmd);
        } else {
            List<String> commands = new ArrayList<>();
            commands.add(cmd);
            groups.add(new Group(runas, nopasswd, setenv, commands));
        }
    }

    /** A comma list, blanks around items removed. */
    static List<String> list(String text) {
        return splitUnescaped(text, ',').stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Splits at {@code sep} unless escaped with '\', quoted, or inside parentheses (runas lists). */
    static List<String> splitUnescaped(String text, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                cur.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '(' && !quoted) {
                depth++;
            } else if (c == ')' && !quoted && depth > 0) {
                depth--;
            }
            if (c == sep && depth == 0 && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
