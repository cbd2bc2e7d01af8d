package dev.ward.host;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An absolute path on the inspected host, kept as the bytes the kernel gave. Linux names are bytes,
 * not text: attackers use names that are not UTF-8, hold a newline, or start with '-'. A HostPath is
 * always absolute, normalised ("/a//b/" is "/a/b") and relative to the {@link HostRoot} it is read
 * through, never to the analyst's machine.
 *
 * <p>{@link #display()} escapes it for people and reports: valid printable UTF-8 stays as it is, a
 * backslash becomes {@code \\}, control characters and invalid bytes become {@code \n}, {@code \t}
 * or {@code \xNN}. {@link #parse(String)} reads that form back, so any name ward printed can be
 * given to it again. Plain text from a configuration file becomes a path with {@link #of(String)},
 * which takes it literally.
 */
public final class HostPath implements Comparable<HostPath> {
    public static final HostPath ROOT = new HostPath(new byte[] {'/'});

    private final byte[] bytes;
    /** {@link #display()}, computed on first use; a race computes the same string twice, harmlessly. */
    private String display;

    private HostPath(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A path from its raw bytes; relative bytes are taken from the root. */
    public static HostPath ofBytes(byte[] raw) {
        return join(names(raw));
    }

    /** The names between a path's slashes, empty ones dropped; "." and ".." are kept as they are. */
    static List<byte[]> names(byte[] raw) {
        List<byte[]> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == '/') {
                if (i > start) {
                    parts.add(Arrays.copyOfRange(raw, start, i));
                }
                start = i + 1;
            }
        }
        return parts;
    }

    /** A path from the escaped text form that {@link #display()} prints. */
    public static HostPath parse(String text) {
        return ofBytes(unescape(text));
    }

    /**
     * A path from plain text, taken literally (its UTF-8 bytes): constants, and paths read from
     * configuration files, where a backslash is just a backslash. Names that ward printed, in
     * escaped form, go through {@link #parse(String)} instead.
     */
    public static HostPath of(String text) {
        return ofBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static HostPath join(List<byte[]> parts) {
        if (parts.isEmpty()) {
            return ROOT;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.write('/');
            out.writeBytes(p);
        }
        return new HostPath(out.toByteArray());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    /** The bytes without the leading slash, as given to {@code openat} relative to the root. */
    byte[] relativeBytes() {
        return bytes.length == 1 ? new byte[] {'.'} : Arrays.copyOfRange(bytes, 1, bytes.length);
    }

    public boolean isRoot() {
        return bytes.length == 1;
    }

    /** A child of this directory; {@code name} is one component's bytes. */
    public HostPath resolve(byte[] name) {
        if (name.length == 0 || indexOf(name, (byte) '/') >= 0) {
            throw new IllegalArgumentException("not a single name: " + escape(name));
        }
        byte[] joined = Arrays.copyOf(bytes, (isRoot() ? 0 : bytes.length) + 1 + name.length);
        joined[isRoot() ? 0 : bytes.length] = '/';
        System.arraycopy(name, 0, joined, (isRoot() ? 1 : bytes.length + 1), name.length);
        return new HostPath(joined);
    }

    /** A descendant from escaped text, e.g. {@code etc.resolve("cron.d/job")}. */
    public HostPath resolve(String relative) {
        byte[] rel = unescape(relative);
        byte[] joined = Arrays.copyOf(bytes, bytes.length + 1 + rel.length);
        joined[bytes.length] = '/';
        System.arraycopy(rel, 0, joined, bytes.length + 1, rel.length);
        return ofBytes(joined);
    }

    public HostPath parent() {
        int slash = lastSlash();
        return slash <= 0 ? ROOT : new HostPath(Arrays.copyOf(bytes, slash));
    }

    /** The last component's bytes; empty for the root. */
    public byte[] nameBytes() {
        return isRoot() ? new byte[0] : Arrays.copyOfRange(bytes, lastSlash() + 1, bytes.length);
    }

    /** The last component, escaped. */
    public String name() {
        return escape(nameBytes());
    }

    public boolean startsWith(HostPath prefix) {
        if (prefix.isRoot()) {
            return true;
        }
        if (bytes.length < prefix.bytes.length
                || !Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length)) {
            return false;
        }
        return bytes.length == prefix.bytes.length || bytes[prefix.bytes.length] == '/';
    }

    /** True when any component starts with a dot: a hidden file or one inside a hidden directory. */
    public boolean isHidden() {
        for (int i = 0; i + 1 < bytes.length; i++) {
            if (bytes[i] == '/' && bytes[i + 1] == '.') {
                return true;
            }
        }
        return false;
    }

    private int lastSlash() {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '/') {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The escaped text form; what reports and the terminal show. */
    public String display() {
        String d = display;
        if (d == null) {
            d = escape(bytes);
            display = d;
        }
        return d;
    }

    @Override
    public String toString() {
        return display();
    }

    /**
     * {@link #display()} cut to at most about 200 characters, its middle left out: for one-line
     * messages, where a path nested past PATH_MAX would make a line of many kilobytes.
     */
    public String brief() {
        String d = display();
        return d.length() <= BRIEF ? d
                : d.substring(0, BRIEF / 2) + "...(" + bytes.length + " bytes)..." + d.substring(d.length() - BRIEF / 2);
    }

    private static final int BRIEF = 200;

    /**
     * Escapes bytes for display: valid UTF-8 of printable characters is kept, a backslash doubles,
     * and anything else (control characters, DEL, invalid or overlong UTF-8) becomes \n, \t, \r or \xNN.
     */
    public static String escape(byte[] raw) {
        StringBuilder out = new StringBuilder(raw.length);
        int i = 0;
        while (i < raw.length) {
            int b = raw[i] & 0xff;
            if (b == '\\') {
                out.append("\\\\");
                i++;
            } else if (b >= 0x20 && b < 0x7f) {
                out.append((char) b);
                i++;
            } else if (b == '\n') {
                out.append("\\n");
                i++;
            } else if (b == '\t') {
                out.append("\\t");
                i++;
            } else if (b == '\r') {
                out.append("\\r");
                i++;
            } else {
                int len = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 ? 2 : 0;
                String ch = len == 0 || i + len > raw.length ? null : decodeStrict(raw, i, len);
                if (ch != null && printable(ch)) {
                    out.append(ch);
                    i += len;
                } else {
                    out.append(String.format("\\x%02x", b));
                    i++;
                }
            }
        }
        return out.toString();
    }

    private static String decodeStrict(byte[] raw, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw, off, len)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean printable(String ch) {
        int cp = ch.codePointAt(0);
        int type = Character.getType(cp);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.UNASSIGNED
                && type != Character.PRIVATE_USE && type != Character.SURROGATE
                && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR;
    }

    /** Reverses {@link #escape}: text to bytes, with \\, \n, \t, \r and \xNN read back. */
    public static byte[] unescape(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(i + 1);
                switch (n) {
                    case '\\' -> { out.write('\\'); i++; continue; }
                    case 'n' -> { out.write('\n'); i++; continue; }
                    case 't' -> { out.write('\t'); i++; continue; }
                    case 'r' -> { out.write('\r'); i++; continue; }
                    case 'x' -> {
                        if (isHex(text, i + 2) && isHex(text, i + 3)) {
                            out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                            i += 3;
                            continue;
                        }
                    }
                    default -> { }
                }
            }
            int cp = text.codePointAt(i);
            out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
            if (Character.isSupplementaryCodePoint(cp)) {
                i++;
            }
        }
        return out.toByteArray();
    }

    private static boolean isHex(String s, int i) {
        return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostPath other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public int compareTo(HostPath o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }
}
