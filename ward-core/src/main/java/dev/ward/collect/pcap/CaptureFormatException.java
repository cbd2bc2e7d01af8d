package dev.ward.collect.pcap;

import java.io.IOException;

/** A file that is not a packet capture, or is one no reader could make sense of; the message names the file and where. */
public final class CaptureFormatException extends IOException {
    public CaptureFormatException(String message) {
        super(message);
    }
}
