package com.clarionhealth.benchmarks.harness;

import java.util.Arrays;
import java.util.List;

/** Order statistics of a few measured runs, or of many latencies. */
public final class Stats {
  private final double[] sorted;

  public Stats(List<Double> values) {
    this(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  public Stats(double[] values) {
    this.sorted = values.clone();
    Arrays.sort(sorted);
  }

  public int count() {
    return sorted.length;
  }

  public double median() {
    return percentile(50);
  }

  public double min() {
    return sorted.length == 0 ? Double.NaN : sorted[0];
  }

  public double max() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
  }

  public double mean() {
    return Arrays.stream(sorted).average().orElse(Double.NaN);
  }

  /** The {@code p}-th percentile, linearly interpolated between the closest ranks. */
  public double percentile(double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double rank = p / 100.0 * (sorted.length - 1);
    int lo = (int) Math.floor(rank);
    int hi = (int) Math.ceil(rank);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
  }

  /** (max - min) / median: the spread of the runs, relative to their median. */
  public double relativeSpread() {
    return sorted.length == 0 ? Double.NaN : (max() - min()) / median();
  }
}
