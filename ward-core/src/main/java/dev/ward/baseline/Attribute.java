package dev.ward.baseline;

import dev.ward.model.FileEntry;
import java.util.Locale;
import java.util.function.Function;

/**
 * The attributes a rule can ask to be recorded and compared, in AIDE 0.18's spelling. This one table
 * drives the rule letters and names, the baseline's stored fields, the differ, and the labels
 * reports print. {@code GROWING} ("S") is a comparison mode, not a value: a size that only grew is
 * not a change.
 */
public enum Attribute {
    PERM("p", "perm", e -> e.perm()),
    INODE("i", "inode", e -> e.inode()),
    NLINK("n", "lnkcount", e -> e.nlink()),
    UID("u", "uid", e -> e.uid()),
    GID("g", "gid", e -> e.gid()),
    SIZE("s", "size", e -> e.size()),
    GROWING("S", "growing", e -> e.size()),
    BLOCKS("b", "bcount", e -> e.blocks()),
    MTIME("m", "mtime", e -> e.mtime()),
    ATIME("a", "atime", e -> e.atime()),
    CTIME("c", "ctime", e -> e.ctime()),
    LINK("l", "lname", e -> e.linkTarget()),
    FTYPE(null, "ftype", e -> e.type()),
    SHA256(null, "sha256", e -> e.hashes().get("sha256")),
    SHA512(null, "sha512", e -> e.hashes().get("sha512")),
    SHA1(null, "sha1", e -> e.hashes().get("sha1")),
    MD5(null, "md5", e -> e.hashes().get("md5")),
    XATTRS(null, "xattrs", e -> e.xattrs()),
    ACL(null, "acl", e -> e.xattrs().get("system.posix_acl_access")),
    SELINUX(null, "selinux", e -> e.xattrs().get("security.selinux")),
    CAPS(null, "caps", e -> e.xattrs().get("security.capability"));

    private final String letter;
    private final String keyword;
    private final Function<FileEntry, Object> value;

    Attribute(String letter, String keyword, Function<FileEntry, Object> value) {
        this.letter = letter;
        this.keyword = keyword;
        this.value = value;
    }

    /** The one-letter form in AIDE's rules ("p"), or null for attributes spelled only by name. */
    public String letter() {
        return letter;
    }

    /** The name in AIDE's rules and in reports ("perm", "sha256"). */
    public String keyword() {
        return keyword;
    }

    /** This attribute's value in an entry, as compared and as reported. */
    public Object valueOf(FileEntry entry) {
        return value.apply(entry);
    }

    /** True for the content hashes, which need the file read. */
    public boolean isHash() {
        return this == SHA256 || this == SHA512 || this == SHA1 || this == MD5;
    }

    /** The attribute a letter or a name stands for, or null. */
    public static Attribute byToken(String token) {
        for (Attribute a : values()) {
            if (token.equals(a.letter) || token.toLowerCase(Locale.ROOT).equals(a.keyword)) {
                return a;
            }
        }
        return null;
    }
}
