package com.clarionhealth.benchmarks.data;

import java.util.Random;

/**
 * When calls are created over the range. The definitions (and seed 42) are those of the core's
 * {@code PagingEfficiencyTest}, so that the two can be compared.
 */
public enum Distribution {
  /** Uniform over the whole range. */
  UNIFORM("uniform", "uniform over the whole range"),
  /** Each call on a random day of the range, uniformly between 09:00 and 17:00 UTC. */
  BUSINESS_HOURS("business hours", "each call on a random day, uniform between 09:00 and 17:00 UTC (nights empty)"),
  /** 60% of the calls in eight bursts of ten minutes at random times, the rest uniform. */
  BURSTY("bursty", "60% of the calls in 8 bursts of 10 minutes at random times, 40% uniform");

  private static final long DAY_MICROS = 86_400_000_000L;
  private static final long HOUR_MICROS = 3_600_000_000L;
  private static final long BURST_MICROS = 600_000_000L;

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
    long[] micros = new long[n];
    for (int i = 0; i < n; i++) {
      micros[i] = start + offset(random, span, bursts);
    }
    return micros;
  }

  private long offset(Random random, long span, long[] bursts) {
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
      default:
        return (long) (random.nextDouble() * (span + 1));
    }
  }
}
