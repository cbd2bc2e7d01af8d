package dev.ward.collect.pcap;

import java.io.IOException;

/**
 * A file that is no packet capture, or one damaged or cut short: the file, the offset of the
 * header, record or block at fault, and what is wrong with it, on one line.
 */
public final class CaptureFormatException extends IOException {
    private final String file;
    private final String problem;

    public CaptureFormatException(String file, long offset, String reason) {
        this(file, "offset " + offset + ": " + reason);
    }

    private CaptureFormatException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** The message without the file: {@code offset 1152: packet record cut short (100 of 384 bytes)}. */
    public String problem() {
        return problem;
    }
}
