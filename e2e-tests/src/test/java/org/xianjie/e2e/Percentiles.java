package org.xianjie.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Nearest-rank percentiles of measured latencies, in milliseconds. */
final class Percentiles {
    private final List<Double> sorted;

    Percentiles(List<Double> samples) {
        sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
    }

    double at(double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    String summary(String what) {
        return String.format(
                "%s: n=%d p50=%.1f ms p90=%.1f ms p99=%.1f ms max=%.1f ms",
                what, sorted.size(), at(50), at(90), at(99), sorted.get(sorted.size() - 1));
    }
}
