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
}
