package com.clarionhealth.client.internal;

import java.util.Random;

/** Creation times, in microseconds, of generated call data sets. */
public final class DataSets {
  public enum Kind { UNIFORM, BUSINESS_HOURS, BURSTY, SAME_INSTANT, EMPTY, EXACTLY_LIMIT, LIMIT_PLUS_ONE, EDGES }

  static final long T0_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

  private DataSets() {}

  /**
   * {@code n} calls of {@code kind} spread over {@code [T0, T0 + spanMillis]}, plus a few outside it
   * that must never be delivered.
   */
  static long[] generate(Kind kind, int n, long spanMillis, int limit, long seed) {
    Random random = new Random(seed);
    long start = T0_MILLIS * 1000;
    long span = spanMillis * 1000;
    int count = kind == Kind.EMPTY ? 0
        : kind == Kind.EXACTLY_LIMIT ? limit
        : kind == Kind.LIMIT_PLUS_ONE ? limit + 1
        : n;
    long[] bursts = new long[8];
    for (int b = 0; b < bursts.length; b++) {
      bursts[b] = next(random, span);
    }
    long[] micros = new long[count + 4];
    for (int i = 0; i < count; i++) {
      micros[i] = start + offset(kind, random, span, bursts, i);
    }
    micros[count] = start - 1; // just before the range
    micros[count + 1] = start - 1000 * 1000;
    micros[count + 2] = start + span + 1000; // the next millisecond after the range
    micros[count + 3] = start + span + 3_600_000_000L;
    return micros;
  }

  private static long next(Random random, long span) {
    return (long) (random.nextDouble() * span);
  }

  private static long offset(Kind kind, Random random, long span, long[] bursts, int i) {
    switch (kind) {
      case BUSINESS_HOURS: {
        long day = 86_400_000_000L;
        long days = Math.max(1, span / day);
        long dayStart = (long) (random.nextDouble() * days) * day;
        long within = 9 * 3_600_000_000L + (long) (random.nextDouble() * 8 * 3_600_000_000L);
        return Math.min(span, dayStart + within);
      }
      case BURSTY: {
        // 60% of the calls in eight bursts of ten minutes, over a sparse background
        if (random.nextInt(10) < 6) {
          long burst = bursts[random.nextInt(bursts.length)];
          return Math.min(span, burst + (long) (random.nextDouble() * 600_000_000L));
        }
        return (long) (random.nextDouble() * span);
      }
      case SAME_INSTANT:
        // a third at one instant, some on its millisecond edges, the rest uniform
        if (i % 3 == 0) {
          return span / 2 - (span / 2) % 1000;
        }
        return (long) (random.nextDouble() * span);
      case EDGES:
        // whole milliseconds only, so that many calls sit exactly on window edges
        return ((long) (random.nextDouble() * (span / 1000 + 1))) * 1000;
      default:
        return (long) (random.nextDouble() * (span + 1));
    }
  }
}
