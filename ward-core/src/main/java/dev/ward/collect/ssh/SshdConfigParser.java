package dev.ward.collect.ssh;

import dev.ward.model.CollectionError;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses one sshd_config(5) file into directives, without following {@code Include} (the reader
 * does that, since it needs the file system). Keywords are case-insensitive and may be separated
 * from their value by '=' ; values may be double-quoted; '#' starts a comment. A {@code Match} line
 * opens a block that lasts until the next {@code Match} or the end of the file.
 */
public final class SshdConfigParser {
    private SshdConfigParser() {
    }

    /** Parsed directives and errors; {@code match} is the block an included file inherits. */
    public record Parsed(List<SshdDirective> directives, List<CollectionError> errors) {
    }

    public static Parsed parse(String file, String text, String match) {
        List<SshdDirective> out = new ArrayList<>();
        List<CollectionError> errors = new ArrayList<>();
        String block = match;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            List<String> words = words(line);
            if (words == null || words.isEmpty()) {
                errors.add(new CollectionError("ssh", file, "line " + (i + 1) + ": unbalanced quotes"));
                continue;
            }
            String keyword = words.get(0).toLowerCase(java.util.Locale.ROOT);
            List<String> args = words.subList(1, words.size());
            if (keyword.equals("match")) {
                block = String.join(" ", args);
                continue;
            }
            out.add(new SshdDirective(file, i + 1, keyword, args, block));
        }
        return new Parsed(out, errors);
    }

    /**
     * Splits on blanks, honouring double quotes; null when unbalanced. As sshd does, one '=' may
     * stand between the keyword and its value, with or without blanks around it: {@code Key=value},
     * {@code Key = value} and {@code Key =value} all give [Key, value].
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        boolean equalsSeen = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean keywordEquals = c == '=' && !equalsSeen
                    && (words.isEmpty() || (words.size() == 1 && !inWord));
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && (c == ' ' || c == '\t' || keywordEquals)) {
                equalsSeen |= keywordEquals;
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else if (!quoted && c == '#' && !inWord) {
                break;
            } else {
                cur.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            return null;
        }
        if (inWord) {
            words.add(cur.toString());
        }
        return words;
    }
}
