package dev.ward.rules;

import static dev.ward.rules.RuleFormatException.quote;

import dev.ward.baseline.Attribute;
import dev.ward.rules.Statement.Term;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group names and attribute names, as an attribute expression sees them. Starts with AIDE 0.18's
 * predefined groups, as ward can honour them:
 * <ul>
 *   <li>{@code R} = p+ftype+i+l+n+u+g+s+m+c+md5+X (0.18; 0.19 swaps md5 for sha3_256)</li>
 *   <li>{@code L} = p+ftype+i+l+n+u+g+X</li>
 *   <li>{@code >} = p+ftype+l+u+g+i+n+S+X, a growing log</li>
 *   <li>{@code H} = every hash ward computes: sha256+sha512+sha1+md5 (AIDE: all compiled in)</li>
 *   <li>{@code X} = acl+selinux+xattrs+caps: AIDE's X also holds e2fsattrs, which ward cannot read
 *       and drops here, and only here: naming e2fsattrs yourself is an error</li>
 *   <li>{@code E} = nothing</li>
 * </ul>
 */
final class AttributeGroups {
    /** Names AIDE knows that ward does not record: an error, so a ported rule never checks less than it says. */
    static final Set<String> UNSUPPORTED = Set.of(
            "e2fsattrs", "rmd160", "tiger", "haval", "gost", "crc32", "crc32b", "whirlpool",
            "stribog256", "stribog512", "sha224", "sha512_256", "sha3_256", "sha3_512", "fstype",
            "I", "ANF", "ARF", "compressed");

    private final Map<String, Set<Attribute>> groups = new HashMap<>();

    AttributeGroups() {
        Set<Attribute> x = EnumSet.of(Attribute.ACL, Attribute.SELINUX, Attribute.XATTRS, Attribute.CAPS);
        Set<Attribute> l = with(x, Attribute.PERM, Attribute.FTYPE, Attribute.INODE, Attribute.LINK,
                Attribute.NLINK, Attribute.UID, Attribute.GID);
        groups.put("X", x);
        groups.put("E", EnumSet.noneOf(Attribute.class));
        groups.put("L", l);
        groups.put("R", with(l, Attribute.SIZE, Attribute.MTIME, Attribute.CTIME, Attribute.MD5));
        groups.put(">", with(l, Attribute.GROWING));
        groups.put("H", EnumSet.of(Attribute.SHA256, Attribute.SHA512, Attribute.SHA1, Attribute.MD5));
    }

    private static Set<Attribute> with(Set<Attribute> base, Attribute... more) {
        Set<Attribute> out = EnumSet.copyOf(base);
        out.addAll(List.of(more));
        return out;
    }

    /**
     * Defines or redefines a group; a later definition replaces an earlier one. Groups are looked up
     * before attributes, case-sensitively, so the man page's {@code Size = s+b} does not hide {@code size}.
     */
    void define(Origin origin, String name, List<Term> terms) throws RuleFormatException {
        groups.put(name, resolve(origin, terms));
    }

    /** The attributes an expression stands for, read left to right. */
    Set<Attribute> resolve(Origin origin, List<Term> terms) throws RuleFormatException {
        Set<Attribute> out = EnumSet.noneOf(Attribute.class);
        for (Term t : terms) {
            Set<Attribute> named = lookup(origin, t.name());
            if (t.add()) {
                out.addAll(named);
            } else {
                out.removeAll(named);
            }
        }
        return out;
    }

    private Set<Attribute> lookup(Origin origin, String name) throws RuleFormatException {
        Set<Attribute> group = groups.get(name);
        if (group != null) {
            return group;
        }
        Attribute a = Attribute.byToken(name);
        if (a != null) {
            return EnumSet.of(a);
        }
        if (UNSUPPORTED.contains(name)) {
            throw new RuleFormatException(origin, "attribute " + quote(name) + " is not supported by ward");
        }
        throw new RuleFormatException(origin, "unknown attribute or group " + quote(name));
    }
}
