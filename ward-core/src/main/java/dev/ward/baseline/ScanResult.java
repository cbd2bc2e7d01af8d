package dev.ward.baseline;

import dev.ward.model.FileEntry;
import java.util.List;

/**
 * A whole scan held in memory: for tests and small trees. A full host's scan streams its entries
 * to a consumer instead ({@link TreeScanner#scan(java.util.function.Consumer)}).
 *
 * @param entries sorted by path bytes
 */
public record ScanResult(List<FileEntry> entries, ScanSummary summary) {
    public ScanResult {
        entries = List.copyOf(entries);
    }
}
