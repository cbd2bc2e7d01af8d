package dev.ward.rules;

import dev.ward.baseline.Attribute;
import dev.ward.baseline.Selection;
import dev.ward.host.FileType;
import dev.ward.host.HostPath;
import dev.ward.rules.Statement.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed AIDE rule file: immutable, safe to share between threads. Paths are matched in their
 * escaped form ({@link HostPath#display()}).
 *
 * <p>Precedence follows AIDE's rule tree: each rule hangs on the directory its regex literally
 * starts with. For a path, the nodes from the deepest one above it up to the root are searched; in
 * a node equals rules are tried before regular ones and the first match in file order wins
 * (AIDE: "deepest match for the node, first match inside it"). A negative rule in that node or any
 * deeper one on the way then excludes the path; negative rules in nodes above the one that matched
 * do not, so {@code !/var/log/.*} does not undo {@code /var/log/apt/ R}.
 */
public final class RuleSet implements Selection {
    private final List<CompiledRule> rules;
    private final Map<HostPath, List<CompiledRule>> byNode;
    private final List<String> notes;
    private final ThreadLocal<ParentChain> lastParent = new ThreadLocal<>();

    RuleSet(List<CompiledRule> rules, List<String> notes) {
        this.rules = List.copyOf(rules);
        this.notes = List.copyOf(notes);
        Map<HostPath, List<CompiledRule>> nodes = new LinkedHashMap<>();
        for (CompiledRule r : this.rules) {
            nodes.computeIfAbsent(r.node(), n -> new ArrayList<>()).add(r);
        }
        nodes.replaceAll((n, list) -> List.copyOf(list));
        this.byNode = Map.copyOf(nodes);
    }

    /** Reads a rule file and what it includes; {@code hostname} serves {@code @@ifhost} and {@code @@{HOSTNAME}}. */
    public static RuleSet load(Path file, String hostname) throws RuleFormatException {
        return RuleCompiler.compile(RuleParser.parse(new RuleLexer(hostname).lexFile(file)));
    }

    /** Parses rules held in memory; {@code name} appears in messages, and includes are relative to it. */
    public static RuleSet parse(String name, byte[] text, String hostname) throws RuleFormatException {
        return RuleCompiler.compile(RuleParser.parse(new RuleLexer(hostname).lexText(name, text)));
    }

    /** Ward's documented default for a Debian host (resource {@code dev/ward/rules/debian.conf}). */
    public static RuleSet debianDefault(String hostname) throws RuleFormatException {
        try (InputStream in = RuleSet.class.getResourceAsStream("debian.conf")) {
            return parse("debian.conf", in.readAllBytes(), hostname);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<HostPath> starts() {
        TreeSet<HostPath> tops = new TreeSet<>();
        rules.stream().filter(CompiledRule::positive).forEach(r -> tops.add(r.start()));
        List<HostPath> out = new ArrayList<>();
        for (HostPath p : tops) {
            if (out.isEmpty() || !p.startsWith(out.getLast())) {
                out.add(p);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public Optional<Set<Attribute>> select(HostPath path, FileType type) {
        String p = path.display();
        List<List<CompiledRule>> chain = chain(path);
        for (int k = 0; k < chain.size(); k++) {
            CompiledRule hit = firstMatch(chain.get(k), p, type);
            if (hit != null) {
                for (List<CompiledRule> node : chain.subList(0, k + 1)) {
                    if (node.stream().anyMatch(r -> r.kind() == Kind.NEGATIVE && r.matches(p, type))) {
                        return Optional.empty();
                    }
                }
                return Optional.of(hit.attributes());
            }
        }
        return Optional.empty();
    }

    /** The rules of the nodes at and above {@code path}, deepest first. */
    private List<List<CompiledRule>> chain(HostPath path) {
        if (path.isRoot()) {
            List<CompiledRule> here = byNode.get(path);
            return here == null ? List.of() : List.of(here);
        }
        List<List<CompiledRule>> above = parentChain(path.parent());
        List<CompiledRule> here = byNode.get(path);
        if (here == null) {
            return above;
        }
        List<List<CompiledRule>> chain = new ArrayList<>(above.size() + 1);
        chain.add(here);
        chain.addAll(above);
        return chain;
    }

    /** A directory's chain, remembered per thread for the next path: a scan asks for siblings in a row. */
    private List<List<CompiledRule>> parentChain(HostPath dir) {
        ParentChain last = lastParent.get();
        if (last == null || !last.dir().equals(dir)) {
            last = new ParentChain(dir, chain(dir));
            lastParent.set(last);
        }
        return last.chain();
    }

    private record ParentChain(HostPath dir, List<List<CompiledRule>> chain) {
    }

    private static CompiledRule firstMatch(List<CompiledRule> node, String p, FileType type) {
        for (Kind kind : new Kind[] {Kind.EQUAL, Kind.REGULAR}) {
            for (CompiledRule r : node) {
                if (r.kind() == kind && r.matches(p, type)) {
                    return r;
                }
            }
        }
        return null;
    }

    /**
     * False only when nothing below {@code dir} can be selected: no positive rule can match a
     * path under it, or a negative rule surely matches every such path and no positive rule hangs
     * deeper than it. May answer true for a directory where in the end nothing is selected.
     */
    @Override
    public boolean descend(HostPath dir) {
        String probe = dir.isRoot() ? "/" : dir.display() + "/";
        List<CompiledRule> hopeful = rules.stream().filter(r -> r.positive() && r.couldMatchBelow(probe)).toList();
        if (hopeful.isEmpty()) {
            return false;
        }
        for (CompiledRule neg : rules) {
            if (neg.kind() == Kind.NEGATIVE && neg.coversBelow(probe)
                    && hopeful.stream().noneMatch(r -> depth(r.node()) > depth(neg.node()))) {
                return false;
            }
        }
        return true;
    }

    private static int depth(HostPath p) {
        return p.isRoot() ? 0 : (int) p.display().chars().filter(c -> c == '/').count();
    }

    /** One canonical line per rule, in file order: kind and regex, type restriction, attributes. */
    public List<String> normalised() {
        return rules.stream().map(CompiledRule::normalised).toList();
    }

    /** SHA-256 (hex) of {@link #normalised()}: changes with what is selected, not with comments or group names. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\n", normalised()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** What was accepted but not used, each {@code file:line: note}: AIDE's own I/O options. */
    public List<String> notes() {
        return notes;
    }
}
