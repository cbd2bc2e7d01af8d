package dev.ward.collect.script;

import dev.ward.model.ScriptFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The command lines of a shell script or shell-like file: blank lines and comments dropped, a line
 * ending in a backslash joined with the next (reported at its first line), carriage returns and
 * NUL bytes removed so that binary garbage yields odd lines rather than an exception. Lines are
 * kept whole however long: padding a line with spaces must not push a command out of the checks'
 * sight (what a finding shows is cut instead). Pure.
 */
public final class ScriptParser {
    private ScriptParser() {
    }

    /**
     * The {@code Exec=} lines of a desktop entry (an XDG autostart file): the command a session
     * starts, field codes such as {@code %U} left in place. Pure.
     */
    public static List<ScriptFile.Line> desktopExec(String text) {
        List<ScriptFile.Line> out = new ArrayList<>();
        String[] lines = text.replace("\0", "").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].replace("\r", "").strip();
            if (t.startsWith("Exec=") || t.startsWith("Exec =")) {
                String cmd = t.substring(t.indexOf('=') + 1).strip();
                if (!cmd.isEmpty()) {
                    out.add(new ScriptFile.Line(i + 1, cmd));
                }
            }
        }
        return out;
    }

    public static List<ScriptFile.Line> commands(String text) {
        List<ScriptFile.Line> out = new ArrayList<>();
        String[] lines = text.replace("\0", "").split("\n", -1);
        StringBuilder pending = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            if (pending.isEmpty()) {
                start = i + 1;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
            }
            String piece = pending.isEmpty() ? line : line.strip();
            if (piece.endsWith("\\") && i + 1 < lines.length) {
                pending.append(piece.substring(0, piece.length() - 1).stripTrailing()).append(' ');
                continue;
            }
            pending.append(piece);
            String joined = pending.toString().strip();
            pending.setLength(0);
            if (!joined.isEmpty()) {
                out.add(new ScriptFile.Line(start, joined));
            }
        }
        return out;
    }
}
