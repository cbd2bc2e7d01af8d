package dev.ward.model;

import java.time.Instant;

/**
 * A regular file or hidden directory under {@code /dev}, where only device nodes, links and the
 * kernel's own directories belong.
 *
 * @param type       {@code file} or {@code directory}
 * @param elf        true when a file starts with the ELF magic
 * @param executable true when any execute bit is set
 */
public record DevEntry(String path, String type, int mode, long uid, long size, Instant mtime, boolean elf,
                       boolean executable) {
}
