package dev.ward.collect.preload;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Libraries named for preloading. Pure. {@code /etc/ld.so.preload} lists names separated by
 * white space or colons, {@code #} starting a comment (ld.so(8)); {@code /etc/environment} is read
 * by pam_env as {@code KEY=VALUE} lines, and an {@code LD_PRELOAD} or {@code LD_AUDIT} there
 * (optionally quoted or {@code export}ed) puts its libraries into every login session; the same
 * variables in a {@code DefaultEnvironment=} of systemd-system.conf(5) reach every service.
 * ld.so.conf(5) lines name library directories searched before the defaults.
 */
public final class PreloadParser {
    public record Lib(int line, String text, String library) {
    }

    private static final Pattern ENV = Pattern.compile(
            "^\\s*(?:export\\s+)?LD_(?:PRELOAD|AUDIT)\\s*=\\s*[\"']?([^\"']*)[\"']?\\s*$");
    private static final Pattern DEFAULT_ENV = Pattern.compile("^\\s*DefaultEnvironment\\s*=(.*)$");
    private static final Pattern LOADER_VAR = Pattern.compile(
            "(?:^|\\s)([\"']?)LD_(?:PRELOAD|AUDIT)=(.*?)\\1(?=\\s|$)");

    /** A library directory line of ld.so.conf. */
    public record Dir(int line, String dir) {
    }

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

    /** LD_PRELOAD and LD_AUDIT libraries in the {@code DefaultEnvironment=} lines of systemd's system.conf. */
    public static List<Lib> systemConf(String text) {
        List<Lib> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = DEFAULT_ENV.matcher(lines[i].replace("\r", ""));
            if (!m.matches()) {
                continue;
            }
            Matcher v = LOADER_VAR.matcher(m.group(1));
            while (v.find()) {
                for (String lib : v.group(2).split("[\\s:]+")) {
                    if (!lib.isEmpty()) {
                        out.add(new Lib(i + 1, lines[i].strip(), lib));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The directories of an ld.so.conf file: one or more per line, separated by white space, commas
     * or colons, {@code #} starting a comment. {@code include} lines are the collector's (it reads
     * ld.so.conf.d itself), {@code hwcap} lines name no directory.
     */
    public static List<Dir> ldSoConf(String text) {
        List<Dir> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            int hash = line.indexOf('#');
            String t = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (t.isEmpty() || t.startsWith("include ") || t.startsWith("include\t") || t.startsWith("hwcap ")) {
                continue;
            }
            for (String d : t.split("[\\s,:=]+")) {
                if (d.startsWith("/")) {
                    out.add(new Dir(i + 1, d));
                }
            }
        }
        return out;
    }
}
