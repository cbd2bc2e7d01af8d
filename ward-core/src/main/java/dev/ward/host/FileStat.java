package dev.ward.host;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Instant;

/**
 * What statx(2) says of one file. Times keep their nanoseconds; {@code birth} is null where the
 * filesystem does not record it.
 *
 * @param mode   the full st_mode: type bits and permission bits (with setuid 04000, setgid 02000)
 * @param blocks 512-byte blocks allocated (st_blocks)
 */
public record FileStat(
        FileType type, int mode, long uid, long gid, long size, long nlink, long inode, long device,
        Instant atime, Instant mtime, Instant ctime, Instant birth, long blocks) {

    private static final int STATX_BTIME = 0x800;

    /** Some filesystems (overlayfs over some lowers) set STATX_BTIME and give 0: no birth time either. */
    private static Instant birth(int mask, Instant btime) {
        return (mask & STATX_BTIME) != 0 && !btime.equals(Instant.EPOCH) ? btime : null;
    }

    public int permissions() {
        return mode & 07777;
    }

    public boolean isSetuid() {
        return (mode & 04000) != 0;
    }

    public boolean isSetgid() {
        return (mode & 02000) != 0;
    }

    public boolean isRegular() {
        return type == FileType.REGULAR;
    }

    public boolean isDirectory() {
        return type == FileType.DIRECTORY;
    }

    public boolean isSymlink() {
        return type == FileType.SYMLINK;
    }

    /** True when anyone may write it (mode o+w). */
    public boolean worldWritable() {
        return (mode & 02) != 0;
    }

    /** Decodes a {@code struct statx}; its layout is the same on every architecture. */
    static FileStat ofStatx(MemorySegment b) {
        int mask = b.get(ValueLayout.JAVA_INT, 0);
        int mode = Short.toUnsignedInt(b.get(ValueLayout.JAVA_SHORT, 28));
        long devMajor = Integer.toUnsignedLong(b.get(ValueLayout.JAVA_INT, 136));
        long devMinor = Integer.toUnsignedLong(b.get(ValueLayout.JAVA_INT, 140));
        return new FileStat(
                FileType.ofMode(mode),
                mode,
                Integer.toUnsignedLong(b.get(ValueLayout.JAVA_INT, 20)),
                Integer.toUnsignedLong(b.get(ValueLayout.JAVA_INT, 24)),
                b.get(ValueLayout.JAVA_LONG, 40),
                Integer.toUnsignedLong(b.get(ValueLayout.JAVA_INT, 16)),
                b.get(ValueLayout.JAVA_LONG, 32),
                (devMajor << 32) | devMinor,
                time(b, 64),
                time(b, 112),
                time(b, 96),
                birth(mask, time(b, 80)),
                b.get(ValueLayout.JAVA_LONG, 48));
    }

    private static Instant time(MemorySegment b, long offset) {
        return Instant.ofEpochSecond(b.get(ValueLayout.JAVA_LONG, offset),
                Integer.toUnsignedLong(b.get(ValueLayout.JAVA_INT, offset + 8)));
    }
}
