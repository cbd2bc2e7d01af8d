package dev.ward.collect.procs;

import dev.ward.model.ProcessEntry;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Pure: what normally runs on a host, one line a kind of process: its user, executable and
 * arguments, each argument holding a digit written as {@code *} (pids, ports, dates and sizes
 * change from run to run; the shape of a command line does not). Kernel threads are left out.
 * <pre>
 * # ward procs baseline: user, executable, arguments
 * root	/usr/sbin/sshd	sshd: /usr/sbin/sshd -D [listener] * of *-* startups
 * </pre>
 */
public final class ProcessBaseline {
    static final String HEADER = "# ward procs baseline: user, executable, arguments (an argument with a digit is *)";

    private ProcessBaseline() {
    }

    /** The line a process is known by. */
    public static String key(ProcessEntry p) {
        String args = p.command().isBlank() ? "" : List.of(p.command().strip().split("\\s+")).stream()
                .map(a -> a.chars().anyMatch(Character::isDigit) ? "*" : a).collect(Collectors.joining(" "));
        return clean(p.user()) + "\t" + clean(p.exe()) + "\t" + clean(args);
    }

    /** Tabs and line breaks in what a process says of itself would break the file's lines. */
    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    public static String write(List<ProcessEntry> processes) {
        Set<String> keys = processes.stream().filter(p -> !p.kernelThread()).map(ProcessBaseline::key)
                .collect(Collectors.toCollection(TreeSet::new));
        return HEADER + "\n" + String.join("\n", keys) + "\n";
    }

    /** The file's lines, comments and blank lines left out; a line that is not three fields is an error. */
    public static Set<String> read(String text, String file) {
        Set<String> out = new TreeSet<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.split("\t", -1).length != 3) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not user, executable and arguments "
                        + "separated by tabs");
            }
            out.add(line);
        }
        return out;
    }
}
