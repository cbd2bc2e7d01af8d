package dev.ward.collect.logs;

import java.time.Duration;
import java.time.Instant;

/**
 * The pace of one text log, observed line by line in constant memory: the longest silence, how
 * often time went backwards, and the typical gap between two lines (from
 * a histogram of gaps by powers of two). A log whose host writes every few minutes and that falls
 * silent for days, or whose times go back, was edited or stopped.
 */
public final class Rhythm {
    /** How far back a line may step without counting (syslog from several sources interleaves). */
    static final Duration BACKWARDS_SLACK = Duration.ofMinutes(10);

    private final String file;
    private final long[] gaps = new long[64];
    private Instant last;
    private Instant gapFrom;
    private Instant gapTo;
    private long backwards;
    private Instant backFrom;
    private Instant backTo;
    private long backLine;

    public Rhythm(String file) {
        this.file = file;
    }

    void line(Instant t, long number) {
        if (last != null) {
            if (t.isBefore(last.minus(BACKWARDS_SLACK))) {
                if (backwards++ == 0) {
                    backFrom = last;
                    backTo = t;
                    backLine = number;
                }
                return; // the next gaps are measured from where time was before the step back
            }
            long gap = Math.max(0, Duration.between(last, t).toSeconds());
            gaps[64 - Long.numberOfLeadingZeros(gap)]++;
            if (gapFrom == null || gap > Duration.between(gapFrom, gapTo).toSeconds()) {
                gapFrom = last;
                gapTo = t;
            }
        }
        last = last == null || t.isAfter(last) ? t : last;
    }

    /** The typical gap between lines, to a power of two: the median of the histogram. */
    public Duration typicalGap() {
        long total = 0;
        for (long g : gaps) {
            total += g;
        }
        long seen = 0;
        for (int b = 0; b < gaps.length; b++) {
            seen += gaps[b];
            if (seen * 2 >= total && total > 0) {
                return Duration.ofSeconds(b == 0 ? 0 : 1L << (b - 1));
            }
        }
        return Duration.ZERO;
    }

    public String file() {
        return file;
    }

    /** The longest silence between two lines: its start, or null with fewer than two lines. */
    public Instant gapFrom() {
        return gapFrom;
    }

    public Instant gapTo() {
        return gapTo;
    }

    public long backwards() {
        return backwards;
    }

    public Instant backFrom() {
        return backFrom;
    }

    public Instant backTo() {
        return backTo;
    }

    public long backLine() {
        return backLine;
    }
}
