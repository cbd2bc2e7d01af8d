package dev.ward.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines of terminal text wrapped at a width. Words are broken only at spaces, so no line is longer
 * than the width unless one word (a long path, a hash) is longer on its own: a path cut in two
 * could not be copied back into a shell. Width is counted in UTF-16 units, which is one column for
 * the text ward prints; wide East Asian characters are not measured.
 */
final class TextLayout {
    private final StringBuilder out = new StringBuilder();
    private final int width;

    TextLayout(int width) {
        this.width = width;
    }

    /** A line as it is; the caller knows it fits (or that it is one unbreakable token). */
    TextLayout line(String text) {
        out.append(text).append('\n');
        return this;
    }

    TextLayout blank() {
        out.append('\n');
        return this;
    }

    /** {@code text} wrapped, each line after the first starting with {@code indent}. */
    TextLayout para(String prefix, String indent, String text) {
        return para(prefix, prefix, indent, text);
    }

    /**
     * As {@link #para(String, String, String)}, but the first line shows {@code shownPrefix}
     * (say, the prefix with colour codes) while it is measured as {@code prefix}.
     */
    TextLayout para(String prefix, String shownPrefix, String indent, String text) {
        List<String> lines = wrap(prefix, indent, text);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            boolean first = i == 0 && l.startsWith(prefix);
            out.append(first ? shownPrefix + l.substring(prefix.length()) : l).append('\n');
        }
        return this;
    }

    /** Greedy wrapping: as many words as fit on each line; runs of spaces count as one. */
    List<String> wrap(String prefix, String indent, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(prefix);
        boolean empty = true;
        for (String word : text.strip().split(" +")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line = new StringBuilder(indent);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        lines.add(line.toString().stripTrailing());
        return lines;
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
