package com.clarionhealth.benchmarks.data;

import java.util.Arrays;
import java.util.Random;

/**
 * When calls are created over the range. The definitions (and seed 42) are those of the core's
 * {@code PagingEfficiencyTest} (its {@code DataSets}), so that the two can be compared: the same seed
 * draws the same creation times in both.
 */
public enum Distribution {
  /** Uniform over the whole range. */
  UNIFORM("uniform", "uniform over the whole range"),
  /** Each call on a random day of the range, uniformly between 09:00 and 17:00 UTC. */
  BUSINESS_HOURS("business hours", "each call on a random day, uniform between 09:00 and 17:00 UTC (nights empty)"),
  /** 60% of the calls in eight bursts of ten minutes at random times, the rest uniform. */
  BURSTY("bursty", "60% of the calls in 8 bursts of 10 minutes at random times, 40% uniform"),
  /** 60% of the calls in 200 bursts of 30 seconds at random times, the rest uniform. */
  SHORT_BURSTS("short bursts", "60% of the calls in 200 bursts of 30 seconds at random times, 40% uniform"),
  /** 60% of the calls in one burst of two hours at a random time, the rest uniform. */
  LONG_BURST("long burst", "60% of the calls in 1 burst of 2 hours at a random time, 40% uniform"),
  /** 30% of the calls in clusters of 200 to 900 sharing one millisecond, the rest uniform. */
  MILLISECOND_CLUSTERS("millisecond clusters",
      "30% of the calls in clusters of 200 to 900 calls sharing one millisecond, at random times; 70% uniform");

  private static final long DAY_MICROS = 86_400_000_000L;
  private static final long HOUR_MICROS = 3_600_000_000L;
  private static final long BURST_MICROS = 600_000_000L;
  private static final long SHORT_BURST_MICROS = 30_000_000L;
  private static final int SHORT_BURSTS_COUNT = 200;
  private static final long LONG_BURST_MICROS = 2 * HOUR_MICROS;

  private final String label;
  private final String definition;

  Distribution(String label, String definition) {
    this.label = label;
    this.definition = definition;
  }

  public String label() {
    return label;
  }

  public String definition() {
    return definition;
  }

  /** Creation times, in microseconds since the epoch, of {@code n} calls in {@code [start, start + span]}. */
  public long[] creationMicros(int n, long startMillis, long spanMillis, long seed) {
    Random random = new Random(seed);
    long start = startMillis * 1000;
    long span = spanMillis * 1000;
    long[] bursts = new long[8];
    for (int b = 0; b < bursts.length; b++) {
      bursts[b] = (long) (random.nextDouble() * span);
    }
    // Drawn after the eight bursts, in this order, as the core's DataSets draws them.
    long[] starts = null;
    int[] firstCall = null;
    int clusterCalls = 0;
    switch (this) {
      case SHORT_BURSTS:
        starts = burstStarts(random, span, SHORT_BURSTS_COUNT, SHORT_BURST_MICROS);
        break;
      case LONG_BURST:
        starts = burstStarts(random, span, 1, LONG_BURST_MICROS);
        break;
      case MILLISECOND_CLUSTERS: {
        clusterCalls = (int) (n * 3L / 10);
        int clusters = 0;
        int[] first = new int[16];
        for (int calls = 0; calls < clusterCalls; calls += 200 + random.nextInt(701)) {
          if (clusters == first.length) {
            first = Arrays.copyOf(first, clusters * 2);
          }
          first[clusters++] = calls;
        }
        firstCall = Arrays.copyOf(first, clusters);
        starts = new long[clusters];
        long millis = span / 1000;
        for (int c = 0; c < clusters; c++) {
          starts[c] = (long) (random.nextDouble() * Math.max(1, millis)) * 1000;
        }
        break;
      }
      default:
        break;
    }
    long[] micros = new long[n];
    for (int i = 0; i < n; i++) {
      micros[i] = start + offset(random, span, bursts, starts, firstCall, clusterCalls, i);
    }
    return micros;
  }

  /** Bursts that lie wholly within the range (or cover it, when it is shorter than one). */
  private static long[] burstStarts(Random random, long span, int count, long length) {
    long[] starts = new long[count];
    for (int b = 0; b < count; b++) {
      starts[b] = (long) (random.nextDouble() * Math.max(0, span - length));
    }
    return starts;
  }

  private long offset(Random random, long span, long[] bursts, long[] starts, int[] firstCall,
      int clusterCalls, int i) {
    switch (this) {
      case BUSINESS_HOURS: {
        long days = Math.max(1, span / DAY_MICROS);
        long dayStart = (long) (random.nextDouble() * days) * DAY_MICROS;
        long within = 9 * HOUR_MICROS + (long) (random.nextDouble() * 8 * HOUR_MICROS);
        return Math.min(span, dayStart + within);
      }
      case BURSTY:
        if (random.nextInt(10) < 6) {
          long burst = bursts[random.nextInt(bursts.length)];
          return Math.min(span, burst + (long) (random.nextDouble() * BURST_MICROS));
        }
        return (long) (random.nextDouble() * span);
      case SHORT_BURSTS:
      case LONG_BURST: {
        long length = this == SHORT_BURSTS ? SHORT_BURST_MICROS : LONG_BURST_MICROS;
        if (random.nextInt(10) < 6) {
          long burst = starts[random.nextInt(starts.length)];
          return burst + (long) (random.nextDouble() * Math.min(length, span));
        }
        return (long) (random.nextDouble() * span);
      }
      case MILLISECOND_CLUSTERS:
        if (i < clusterCalls) {
          int c = Arrays.binarySearch(firstCall, i);
          int cluster = c >= 0 ? c : -c - 2;
          return Math.min(span, starts[cluster] + random.nextInt(1000));
        }
        return (long) (random.nextDouble() * span);
      default:
        return (long) (random.nextDouble() * (span + 1));
    }
  }
}
