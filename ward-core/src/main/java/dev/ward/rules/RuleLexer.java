package dev.ward.rules;

import dev.ward.host.HostPath;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * First stage: bytes to logical lines. Drops comments and blank lines, runs AIDE's macro lines
 * ({@code @@define}, {@code @@undef}, {@code @@if...}/{@code @@else}/{@code @@endif},
 * {@code @@include}) and replaces {@code @@{VAR}}. Every line keeps the file and line it came from.
 * What a configuration may take is bounded ({@link RuleBudget}) and an include loop is an error.
 * One lexer per top-level file; not thread-safe.
 */
final class RuleLexer {
    /** A line left for the parser: trimmed, substituted, not a comment or a macro. */
    record Line(Origin origin, String text) { }

    private final Map<String, String> vars = new HashMap<>();
    private final Deque<Conditional> conditionals = new ArrayDeque<>();
    private final List<Line> out = new ArrayList<>();
    /** The files being read: the top one and the includes down to the line being read. */
    private final Set<RuleFiles.Id> reading = new HashSet<>();
    private final RuleBudget budget = new RuleBudget();
    private final RuleDirectives directives;

    RuleLexer(String hostname) {
        vars.put("HOSTNAME", hostname);
        vars.put("AIDE_VERSION", "0.18");
        this.directives = new RuleDirectives(this, hostname);
    }

    /** Lexes a file and everything it includes. */
    List<Line> lexFile(Path file) throws RuleFormatException {
        read(HostPath.of(file.toAbsolutePath().toString()), new Origin(file.toString(), 0), file.toString(), 0);
        finish();
        return List.copyOf(out);
    }

    /** Lexes text held in memory; {@code name} is used in messages and to resolve includes. */
    List<Line> lexText(String name, byte[] text) throws RuleFormatException {
        budget.text(new Origin(name, 0), text.length);
        lexBytes(HostPath.of(Path.of(name).toAbsolutePath().toString()), name, text, 0);
        finish();
        return List.copyOf(out);
    }

    /** The file an {@code @@include} at {@code from} names, {@code depth} includes below the top file. */
    void include(HostPath file, Origin from, int depth) throws RuleFormatException {
        RuleBudget.depth(from, depth);
        read(file, from, RuleFiles.name(file), depth);
    }

    /** The files of an {@code @@include DIR REGEX} at {@code from}. */
    List<HostPath> directory(HostPath dir, Pattern names, Origin from) throws RuleFormatException {
        budget.file(from);
        return RuleFiles.directory(dir, names, from);
    }

    private void read(HostPath file, Origin from, String name, int depth) throws RuleFormatException {
        budget.file(from);
        RuleFiles.Contents contents = RuleFiles.read(file, from);
        budget.text(from, contents.bytes().length);
        if (!reading.add(contents.id())) {
            throw new RuleFormatException(from, "include loop: '" + name + "' is already being read");
        }
        lexBytes(file, name, contents.bytes(), depth);
        reading.remove(contents.id());
    }

    private void lexBytes(HostPath file, String name, byte[] bytes, int depth) throws RuleFormatException {
        int start = 0;
        int number = 0;
        while (start < bytes.length) {
            int end = indexOf(bytes, (byte) '\n', start);
            number++;
            Origin origin = new Origin(name, number);
            if (end - start > RuleBudget.MAX_LINE) {
                throw RuleBudget.longLine(origin, false);
            }
            String text = decode(Arrays.copyOfRange(bytes, start, end), origin).strip();
            start = end + 1;
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.startsWith("@@") && !text.startsWith("@@{")) {
                directives.run(file, origin, text, depth);
            } else if (active()) {
                emit(origin, substitute(text, origin).strip());
            }
        }
    }

    /** A line for the parser; one that expansion left empty, or made a comment, is dropped as in AIDE. */
    private void emit(Origin origin, String text) throws RuleFormatException {
        if (!text.isEmpty() && !text.startsWith("#")) {
            budget.statement(origin);
            out.add(new Line(origin, text));
        }
    }

    /**
     * Strict UTF-8: a rule file is text. A NUL byte or bytes that are not UTF-8 mean the file is
     * binary or damaged, and guessing what it meant would select the wrong files.
     */
    private static String decode(byte[] raw, Origin origin) throws RuleFormatException {
        if (indexOf(raw, (byte) 0, 0) < raw.length) {
            throw new RuleFormatException(origin, "binary data (NUL byte) in a rule file");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            throw new RuleFormatException(origin, "not UTF-8 text");
        }
    }

    /**
     * Replaces {@code @@{VAR}}; an undefined variable is empty (AIDE); {@code \@} stays literal.
     * The result may not pass {@link RuleBudget#MAX_LINE}, checked before each variable is
     * appended, and what it adds counts against the configuration's text.
     */
    String substitute(String text, Origin origin) throws RuleFormatException {
        StringBuilder sb = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) == '\\' && i + 1 < text.length()) {
                sb.append(text, i, i + 2);
                i += 2;
            } else if (text.startsWith("@@{", i)) {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    throw new RuleFormatException(origin, "unterminated '@@{'");
                }
                String value = vars.getOrDefault(text.substring(i + 3, close), "");
                if (sb.length() + value.length() > RuleBudget.MAX_LINE) {
                    throw RuleBudget.longLine(origin, true);
                }
                sb.append(value);
                i = close + 1;
            } else {
                sb.append(text.charAt(i++));
            }
        }
        if (sb.length() > RuleBudget.MAX_LINE) {
            throw RuleBudget.longLine(origin, true);
        }
        budget.text(origin, Math.max(0, sb.length() - text.length()));
        return sb.toString();
    }

    void define(String name, String value) {
        vars.put(name, value);
    }

    void undefine(String name) {
        vars.remove(name);
    }

    boolean defined(String name) {
        return vars.containsKey(name);
    }

    /** True when the lines being read are used: every enclosing condition holds. */
    boolean active() {
        return conditionals.isEmpty() || conditionals.peek().taken();
    }

    void openIf(Origin origin, boolean condition) {
        conditionals.push(new Conditional(origin, active(), condition, false));
    }

    void openElse(Origin origin) throws RuleFormatException {
        Conditional top = conditionals.poll();
        if (top == null || top.inElse()) {
            throw new RuleFormatException(origin, "@@else without @@if");
        }
        conditionals.push(new Conditional(top.origin(), top.outer(), !top.condition(), true));
    }

    void closeIf(Origin origin) throws RuleFormatException {
        if (conditionals.poll() == null) {
            throw new RuleFormatException(origin, "@@endif without @@if");
        }
    }

    private void finish() throws RuleFormatException {
        if (!conditionals.isEmpty()) {
            throw new RuleFormatException(conditionals.peek().origin(), "@@if without @@endif");
        }
    }

    private static int indexOf(byte[] a, byte b, int from) {
        for (int i = from; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return a.length;
    }

    /** One open {@code @@if}: whether its enclosing block is used, and which branch we are in. */
    private record Conditional(Origin origin, boolean outer, boolean condition, boolean inElse) {
        boolean taken() {
            return outer && condition;
        }
    }
}
