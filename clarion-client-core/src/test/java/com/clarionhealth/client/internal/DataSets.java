package com.clarionhealth.client.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * Creation times, in microseconds, of generated call data sets. The realistic kinds (uniform, business
 * hours and the bursty ones) have twins with the same definitions and seeds in the benchmarks'
 * {@code Distribution}, so that the efficiency test and the benchmarks can be compared.
 */
public final class DataSets {
  public enum Kind {
    UNIFORM, BUSINESS_HOURS, BURSTY, SAME_INSTANT, EMPTY, EXACTLY_LIMIT, LIMIT_PLUS_ONE, EDGES,
    /** 60% of the calls in 200 bursts of 30 seconds: each burst under a page, several in a sparse page. */
    SHORT_BURSTS,
    /** 60% of the calls in one burst of two hours: about 170 times the density around it. */
    LONG_BURST,
    /**
     * 30% of the calls in clusters of 200 to 900 that share one millisecond, the rest uniform: a
     * window must isolate each cluster, and nothing but its own millisecond can be that narrow.
     */
    MILLISECOND_CLUSTERS
  }

  static final long T0_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

  private static final long SHORT_BURST_MICROS = 30_000_000L;
  private static final int SHORT_BURSTS = 200;
  private static final long LONG_BURST_MICROS = 2 * 3_600_000_000L;

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
    // What the newer kinds draw comes after the eight bursts, so the older kinds keep their data.
    Shape shape = new Shape(kind, random, span, count);
    long[] micros = new long[count + 4];
    for (int i = 0; i < count; i++) {
      micros[i] = start + offset(kind, random, span, bursts, shape, i);
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

  /** The bursts or clusters of the newer kinds, drawn once per data set. */
  private static final class Shape {
    final long[] starts; // bursts: start offsets; clusters: the millisecond of each, in micros
    final int[] firstCall; // clusters: the index of each cluster's first call; then clusterCalls
    final int clusterCalls;

    Shape(Kind kind, Random random, long span, int count) {
      switch (kind) {
        case SHORT_BURSTS:
          starts = burstStarts(random, span, SHORT_BURSTS, SHORT_BURST_MICROS);
          firstCall = null;
          clusterCalls = 0;
          break;
        case LONG_BURST:
          starts = burstStarts(random, span, 1, LONG_BURST_MICROS);
          firstCall = null;
          clusterCalls = 0;
          break;
        case MILLISECOND_CLUSTERS: {
          clusterCalls = (int) (count * 3L / 10);
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
          long millis = span / 1000; // the last millisecond's calls would fall after the range
          for (int c = 0; c < clusters; c++) {
            starts[c] = (long) (random.nextDouble() * Math.max(1, millis)) * 1000;
          }
          break;
        }
        default:
          starts = null;
          firstCall = null;
          clusterCalls = 0;
      }
    }

    /** Bursts that lie wholly within the range (or cover it, when it is shorter than one). */
    private static long[] burstStarts(Random random, long span, int count, long length) {
      long[] starts = new long[count];
      for (int b = 0; b < count; b++) {
        starts[b] = (long) (random.nextDouble() * Math.max(0, span - length));
      }
      return starts;
    }

    /** The cluster of call {@code i}, which must be below {@link #clusterCalls}. */
    int clusterOf(int i) {
      int c = Arrays.binarySearch(firstCall, i);
      return c >= 0 ? c : -c - 2;
    }
  }

  private static long offset(Kind kind, Random random, long span, long[] bursts, Shape shape, int i) {
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
      case SHORT_BURSTS:
      case LONG_BURST: {
        long length = kind == Kind.SHORT_BURSTS ? SHORT_BURST_MICROS : LONG_BURST_MICROS;
        if (random.nextInt(10) < 6) {
          long burst = shape.starts[random.nextInt(shape.starts.length)];
          return burst + (long) (random.nextDouble() * Math.min(length, span));
        }
        return (long) (random.nextDouble() * span);
      }
      case MILLISECOND_CLUSTERS:
        if (i < shape.clusterCalls) {
          // anywhere within the cluster's millisecond, its first instant included
          return Math.min(span, shape.starts[shape.clusterOf(i)] + random.nextInt(1000));
        }
        return (long) (random.nextDouble() * span);
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
