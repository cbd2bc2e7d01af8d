package dev.ward.collect.dpkg;

import dev.ward.host.HostException;
import dev.ward.host.HostPath;
import dev.ward.host.HostRoot;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The packaged version of a file, out of the package's {@code .deb} in apt's cache
 * ({@code /var/cache/apt/archives/NAME_VERSION_ARCH.deb}, an epoch's colon written {@code %3a}),
 * read through the root: its contents, used only when their MD5 is the one dpkg recorded, so a
 * cached package of another version (or a tampered one) is never shown as "the original"; and
 * its mode, which dpkg's database does not keep.
 */
public final class PackagedCopy {
    private static final HostPath ARCHIVES = HostPath.of("/var/cache/apt/archives");
    private static final long LIMIT = 1024L * 1024 * 1024;

    private PackagedCopy() {
    }

    /**
     * The shipped bytes of {@code path} from package {@code name}, or empty when its .deb is not in
     * the cache, does not hold the file, or holds other bytes than {@code md5}.
     *
     * @throws IOException when the cached .deb cannot be read or decompressed
     */
    public static Optional<byte[]> of(HostRoot root, String name, String version, String arch, String path, String md5)
            throws IOException {
        return entry(root, name, version, arch, path, true).map(e -> e.bytes()).filter(b -> md5(b).equalsIgnoreCase(md5));
    }

    /**
     * The permission bits (setuid and setgid included) the package ships {@code path} with, or
     * empty when its .deb is not in the cache or does not hold the file.
     */
    public static Optional<Integer> mode(HostRoot root, String name, String version, String arch, String path)
            throws IOException {
        return entry(root, name, version, arch, path, false).map(e -> e.mode());
    }

    private static Optional<DebArchive.Entry> entry(HostRoot root, String name, String version, String arch, String path,
                                                    boolean contents) throws IOException {
        HostPath deb = ARCHIVES.resolve(name + "_" + version.replace(":", "%3a") + "_" + arch + ".deb");
        byte[] archive;
        try {
            archive = root.read(deb, LIMIT);
        } catch (HostException e) {
            if (e.isMissing()) {
                return Optional.empty();
            }
            throw e;
        }
        try {
            return DebArchive.entry(archive, path, contents);
        } catch (IOException | RuntimeException e) {
            throw new IOException(deb.display() + ": " + e.getMessage(), e);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }
}
