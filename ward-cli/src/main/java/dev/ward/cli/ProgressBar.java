package dev.ward.cli;

import dev.ward.baseline.ProgressListener;

/** Files and bytes so far, on one line of standard error, redrawn at most five times a second. */
final class ProgressBar implements ProgressListener {
    private long last;

    @Override
    public void progress(long files, long bytes) {
        long now = System.nanoTime();
        if (now - last > 200_000_000L) {
            last = now;
            System.err.printf("\r\033[Kscanned %,d files, %,d MiB hashed", files, bytes >> 20);
        }
    }
}
