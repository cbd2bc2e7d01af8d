package dev.ward.collect.pcap;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Pure: how regular a flow's beginnings are, from 0 to 1, in the manner of RITA's beacon analysis:
 * the mean of two scores over the gaps between consecutive beginnings, one for their dispersion
 * (1 minus the median absolute deviation over the median gap) and one for their skew (1 minus
 * Bowley's quartile skewness, counted in full only once the quartiles are a tenth of the median
 * gap apart: a couple of minutes' jitter on six hours is no skew). The number of beginnings does not enter: a beacon that calls home
 * four times a day scores as high as one that calls every minute, if it keeps its rhythm.
 */
public final class BeaconScore {
    private BeaconScore() {
    }

    /** The score of times sorted oldest first; 0 with fewer than three. */
    public static double score(List<Instant> times) {
        List<Double> gaps = gaps(times);
        if (gaps.size() < 2) {
            return 0;
        }
        double median = quantile(gaps, 0.5);
        if (median <= 0) {
            return 0;
        }
        List<Double> deviations = new ArrayList<>();
        for (double g : gaps) {
            deviations.add(Math.abs(g - median));
        }
        double dispersion = 1 - Math.min(1, quantile(deviations, 0.5) / median);
        double q1 = quantile(gaps, 0.25);
        double q3 = quantile(gaps, 0.75);
        double skew = q3 - q1 == 0 ? 0 : (q3 + q1 - 2 * median) / (q3 - q1);
        // Skew within a spread of a few percent of the gap is jitter, not a lopsided rhythm.
        double weight = Math.min(1, (q3 - q1) / (0.1 * median));
        return (dispersion + (1 - Math.min(1, Math.abs(skew) * weight))) / 2;
    }

    public static Duration median(List<Instant> times) {
        List<Double> gaps = gaps(times);
        return gaps.isEmpty() ? Duration.ZERO : Duration.ofMillis(Math.round(quantile(gaps, 0.5)));
    }

    private static List<Double> gaps(List<Instant> times) {
        List<Double> out = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
            out.add((double) Duration.between(times.get(i - 1), times.get(i)).toMillis());
        }
        return out;
    }

    /** The {@code q} quantile of {@code values}, interpolated between the nearest two. */
    static double quantile(List<Double> values, double q) {
        List<Double> v = new ArrayList<>(values);
        Collections.sort(v);
        double pos = q * (v.size() - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v.get(lo) + (v.get(hi) - v.get(lo)) * (pos - lo);
    }
}
