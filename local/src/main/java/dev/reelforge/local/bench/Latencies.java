package dev.reelforge.local.bench;

import java.util.Arrays;

/** A summary of measured durations, in milliseconds: nearest-rank percentiles, mean and max. */
record Latencies(int count, double p50, double p99, double mean, double max) {

    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double sum = 0;
        for (long value : sorted) {
            sum += value;
        }
        return new Latencies(sorted.length, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
                sorted.length == 0 ? Double.NaN : sum / sorted.length / 1e6,
                sorted.length == 0 ? Double.NaN : millis(sorted[sorted.length - 1]));
    }

    /** The median of the values, in milliseconds (the mean of the middle two for an even count). */
    static double medianMillis(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? millis(sorted[n / 2]) : (sorted[n / 2 - 1] + sorted[n / 2]) / 2e6;
    }

    /** Nearest rank: the smallest value with at least {@code fraction} of the values at or below it. */
    static long percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
