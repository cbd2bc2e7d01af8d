package dev.ward.host;

/** The kinds of file Linux knows, from the {@code S_IFMT} bits of a mode or a dirent's d_type. */
public enum FileType {
    REGULAR, DIRECTORY, SYMLINK, FIFO, SOCKET, CHAR_DEVICE, BLOCK_DEVICE, UNKNOWN;

    /** The kind in words, for messages: "a FIFO", "a character device". */
    public String describe() {
        return switch (this) {
            case REGULAR -> "a regular file";
            case DIRECTORY -> "a directory";
            case SYMLINK -> "a symlink";
            case FIFO -> "a FIFO";
            case SOCKET -> "a socket";
            case CHAR_DEVICE -> "a character device";
            case BLOCK_DEVICE -> "a block device";
            case UNKNOWN -> "of unknown type";
        };
    }

    static FileType ofMode(int mode) {
        return switch (mode & 0170000) {
            case 0100000 -> REGULAR;
            case 0040000 -> DIRECTORY;
            case 0120000 -> SYMLINK;
            case 0010000 -> FIFO;
            case 0140000 -> SOCKET;
            case 0020000 -> CHAR_DEVICE;
            case 0060000 -> BLOCK_DEVICE;
            default -> UNKNOWN;
        };
    }

    /** d_type values of linux_dirent64; DT_UNKNOWN means "ask stat". */
    static FileType ofDirentType(int dType) {
        return switch (dType) {
            case 8 -> REGULAR;
            case 4 -> DIRECTORY;
            case 10 -> SYMLINK;
            case 1 -> FIFO;
            case 12 -> SOCKET;
            case 2 -> CHAR_DEVICE;
            case 6 -> BLOCK_DEVICE;
            default -> UNKNOWN;
        };
    }
}
