package dev.ward.collect.modules;

import java.util.ArrayList;
import java.util.List;

/**
 * Module names from a modules-load.d(5) file or Debian's {@code /etc/modules}: one name per line,
 * {@code #} or {@code ;} starting a comment, and in {@code /etc/modules} optional arguments after
 * the name. Pure. A "name" with characters no module name has (binary garbage) is a problem.
 */
public final class ModulesParser {
    public record Name(int line, String module) {
    }

    public record Result(List<Name> names, List<String> problems) {
    }

    /** An {@code install} or {@code remove} line of modprobe.d(5): modprobe runs {@code command} through the shell as root. */
    public record Command(int line, String directive, String module, String command) {
    }

    private ModulesParser() {
    }

    public static Result parse(String text) {
        List<Name> names = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].replace("\r", "").strip();
            if (t.isEmpty() || t.startsWith("#") || t.startsWith(";")) {
                continue;
            }
            String name = t.split("\\s+", 2)[0];
            if (name.matches("[A-Za-z0-9_\\-]+")) {
                names.add(new Name(i + 1, name));
            } else {
                problems.add("line " + (i + 1) + ": not a module name");
            }
        }
        return new Result(names, problems);
    }

    /** Module names treat '-' and '_' alike ({@code snd-hda-intel} is {@code snd_hda_intel}). */
    public static String canonical(String name) {
        return name.replace('-', '_');
    }

    /**
     * The {@code install} and {@code remove} lines of a modprobe.d(5) file; other directives
     * (alias, options, blacklist, softdep) run nothing and are skipped. A trailing backslash joins
     * the next line, {@code #} starts a comment line.
     */
    public static List<Command> modprobe(String text) {
        List<Command> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int start = i + 1;
            StringBuilder b = new StringBuilder(lines[i].replace("\r", "").strip());
            while (b.length() > 0 && b.charAt(b.length() - 1) == '\\' && i + 1 < lines.length) {
                b.setLength(b.length() - 1);
                b.append(' ').append(lines[++i].replace("\r", "").strip());
            }
            String t = b.toString().strip();
            if (t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+", 3);
            if (f.length == 3 && (f[0].equals("install") || f[0].equals("remove"))) {
                out.add(new Command(start, f[0], f[1], f[2].strip()));
            }
        }
        return out;
    }
}
