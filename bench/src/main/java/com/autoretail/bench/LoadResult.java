package com.autoretail.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * What one load run measured: successful calls per second of the measured window, their latency percentiles
 * (milliseconds, from the sorted samples) and the failed calls.
 */
record LoadResult(String name, int clients, long calls, long errors, double seconds, double perSecond,
                  double p50, double p90, double p99, double max) {

    static LoadResult of(LoadGenerator.Spec spec, long[] latenciesNanos, long errors, double seconds) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new LoadResult(spec.name(), spec.clients(), sorted.length, errors, seconds, sorted.length / seconds,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    /** The nearest-rank percentile, in milliseconds. */
    static double percentile(long[] sortedNanos, double percent) {
        if (sortedNanos.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    String summary() {
        return String.format(Locale.ROOT, "%s: %d clients, %.0f/s, p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                + "%d ok, %d errors in %.1f s", name, clients, perSecond, p50, p90, p99, calls, errors, seconds);
    }
}
