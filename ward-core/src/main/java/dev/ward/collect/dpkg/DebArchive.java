package dev.ward.collect.dpkg;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Pure: one file out of a Debian package. A {@code .deb} is an ar archive holding
 * {@code debian-binary}, {@code control.tar.*} and {@code data.tar.*}; the data member is a tar
 * compressed with xz (Debian's default), gzip, or not at all. zstd (Ubuntu's) is not read: the
 * error says so.
 */
final class DebArchive {
    private static final byte[] MAGIC = "!<arch>\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER = 60;

    private DebArchive() {
    }

    /** A regular file as the package ships it: its permission bits (setuid and setgid included) and contents. */
    record Entry(int mode, byte[] bytes) {
    }

    /** The contents of {@code path} (absolute, "/etc/x.conf") in the package's data, if it ships it. */
    static Optional<byte[]> file(byte[] deb, String path) throws IOException {
        return entry(deb, path, true).map(Entry::bytes);
    }

    /** The file's entry, its contents read only when asked for. */
    static Optional<Entry> entry(byte[] deb, String path, boolean contents) throws IOException {
        try (InputStream data = data(deb); TarArchiveInputStream tar = new TarArchiveInputStream(data)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                String name = e.getName().startsWith("./") ? e.getName().substring(1) : "/" + e.getName();
                if (e.isFile() && name.equals(path)) {
                    return Optional.of(new Entry(e.getMode() & 07777, contents ? tar.readAllBytes() : new byte[0]));
                }
            }
        }
        return Optional.empty();
    }

    /** The decompressed data.tar member. */
    private static InputStream data(byte[] deb) throws IOException {
        if (deb.length < MAGIC.length || !java.util.Arrays.equals(deb, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not a Debian package (no ar header)");
        }
        int at = MAGIC.length;
        while (at + HEADER <= deb.length) {
            String name = new String(deb, at, 16, StandardCharsets.US_ASCII).strip();
            long size = Long.parseLong(new String(deb, at + 48, 10, StandardCharsets.US_ASCII).strip());
            int start = at + HEADER;
            if (size < 0 || start + size > deb.length) {
                throw new IOException("truncated ar member " + name + " at offset " + at);
            }
            if (name.startsWith("data.tar")) {
                InputStream raw = new ByteArrayInputStream(deb, start, (int) size);
                return switch (name.replaceAll("/$", "")) {
                    case "data.tar.xz" -> new XZInputStream(raw);
                    case "data.tar.gz" -> new GZIPInputStream(raw);
                    case "data.tar" -> raw;
                    default -> throw new IOException(name + " is compressed in a way ward does not read");
                };
            }
            at = start + (int) size + (int) (size & 1);
        }
        throw new IOException("no data.tar member");
    }
}
