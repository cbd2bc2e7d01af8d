package dev.ward.collect.preload;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Libraries named for preloading. Pure. {@code /etc/ld.so.preload} lists names separated by
 * white space or colons, {@code #} starting a comment (ld.so(8)); {@code /etc/environment} is read
 * by pam_env as {@code KEY=VALUE} lines, and an {@code LD_PRELOAD} there (optionally quoted or
 * {@code export}ed) puts its libraries into every login session.
 */
public final class PreloadParser {
    public record Lib(int line, String text, String library) {
    }

    private static final Pattern ENV = Pattern.compile(
            "^\\s*(?:export\\s+)?LD_PRELOAD\\s*=\\s*[\"']?([^\"']*)[\"']?\\s*$");

    private PreloadParser() {
    }

    public static List<Lib> preloadFile(String text) {
        List<Lib> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\0", "").replace("\r", "");
            int hash = line.indexOf('#');
            String body = hash >= 0 ? line.substring(0, hash) : line;
            for (String lib : body.split("[\\s:]+")) {
                if (!lib.isEmpty()) {
                    out.add(new Lib(i + 1, line.strip(), lib));
                }
            }
        }
        return out;
    }

    public static List<Lib> environment(String text) {
        List<Lib> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ENV.matcher(lines[i].replace("\r", ""));
            if (!m.matches()) {
                continue;
            }
            for (String lib : m.group(1).split("[\\s:]+")) {
                if (!lib.isEmpty()) {
                    out.add(new Lib(i + 1, lines[i].strip(), lib));
                }
            }
        }
        return out;
    }
}
