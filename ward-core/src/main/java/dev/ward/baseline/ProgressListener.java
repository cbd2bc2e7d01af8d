package dev.ward.baseline;

/**
 * Told how far a scan has come, for a progress bar. Called on the scanning thread after each entry
 * is emitted, with running totals; a listener that draws should throttle itself.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (files, bytes) -> { };

    /**
     * @param files entries emitted so far
     * @param bytes content bytes hashed so far, across all threads (it may run ahead of {@code files})
     */
    void progress(long files, long bytes);
}
