package dev.ward.rules;

import static dev.ward.rules.RuleFormatException.quote;

import dev.ward.baseline.Attribute;
import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Third stage: statements to an immutable {@link RuleSet}. Groups are resolved when a line uses
 * them, so a group must be defined above its first use, as in AIDE.
 */
final class RuleCompiler {
    private final AttributeGroups groups = new AttributeGroups();
    private final List<CompiledRule> rules = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    static RuleSet compile(List<Statement> statements) throws RuleFormatException {
        RuleCompiler c = new RuleCompiler();
        for (Statement s : statements) {
            c.add(s);
        }
        return new RuleSet(c.rules, c.notes);
    }

    private void add(Statement s) throws RuleFormatException {
        switch (s) {
            case Statement.GroupDef g -> groups.define(g.origin(), g.name(), g.terms());
            case Statement.Option o -> notes.add(o.origin() + ": option '" + o.key()
                    + "' is AIDE's own setting; ward ignores it and takes its own on the command line");
            case Statement.Rule r -> rules.add(rule(r));
        }
    }

    private CompiledRule rule(Statement.Rule r) throws RuleFormatException {
        Pattern pattern;
        try {
            pattern = Pattern.compile(r.regex());
        } catch (PatternSyntaxException e) {
            throw new RuleFormatException(r.origin(),
                    "invalid regular expression " + quote(r.regex()) + ": " + e.getDescription());
        }
        Set<FileType> types = restriction(r.origin(), r.restriction());
        Set<Attribute> attrs = groups.resolve(r.origin(), r.terms());
        // the literal is in the escaped form paths are matched in, hence parse, not of
        RegexPrefix prefix = RegexPrefix.of(r.regex());
        return new CompiledRule(r.origin(), r.kind(), r.regex(), pattern, Set.copyOf(types), Set.copyOf(attrs),
                HostPath.parse(prefix.node()), HostPath.parse(prefix.start()));
    }

    /**
     * AIDE's restriction expression: file type letters separated by ',' ('+' is accepted too),
     * or {@code 0} for none. File system types ({@code =tmpfs}) and Solaris doors and event ports
     * are not supported.
     */
    static Set<FileType> restriction(Origin origin, String text) throws RuleFormatException {
        Set<FileType> types = EnumSet.noneOf(FileType.class);
        if (text == null || text.equals("0")) {
            return types;
        }
        if (text.contains("=")) {
            throw new RuleFormatException(origin, "file system type restrictions are not supported by ward");
        }
        for (String letter : text.split("[,+]", -1)) {
            types.add(fileType(origin, letter));
        }
        return types;
    }

    static FileType fileType(Origin origin, String letter) throws RuleFormatException {
        return switch (letter) {
            case "f" -> FileType.REGULAR;
            case "d" -> FileType.DIRECTORY;
            case "l" -> FileType.SYMLINK;
            case "c" -> FileType.CHAR_DEVICE;
            case "b" -> FileType.BLOCK_DEVICE;
            case "p" -> FileType.FIFO;
            case "s" -> FileType.SOCKET;
            case "D", "P" -> throw new RuleFormatException(origin,
                    "file type '" + letter + "' (Solaris) is not supported by ward");
            default -> throw new RuleFormatException(origin, "unknown file type " + quote(letter) + " in restriction");
        };
    }

    static char typeLetter(FileType t) {
        return switch (t) {
            case REGULAR -> 'f';
            case DIRECTORY -> 'd';
            case SYMLINK -> 'l';
            case CHAR_DEVICE -> 'c';
            case BLOCK_DEVICE -> 'b';
            case FIFO -> 'p';
            case SOCKET -> 's';
            case UNKNOWN -> '?';
        };
    }
}
