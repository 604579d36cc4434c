package com.clarionhealth.benchmarks.data;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code N} calls: creation times in microseconds (finer than the millisecond the wire carries), sorted,
 * with the id and the pre-serialized body of each. The index is the sorted array itself: a window is two
 * binary searches.
 */
public final class Dataset {
  /** 2026-01-01T00:00:00Z: every range starts here. */
  public static final long T0_MILLIS = 1_767_225_600_000L;
  public static final long SEVEN_DAYS_MILLIS = 7L * 86_400_000L;

  private final long startMillis;
  private final long endMillis;
  private final long[] micros; // ascending
  private final long[] ids; // ids[i] was created at micros[i]
  private final int[] body; // index into the body pool
  private final long idSum;
  private final Distribution distribution;

  private Dataset(Distribution distribution, long startMillis, long endMillis, long[] micros, long[] ids,
      int[] body) {
    this.distribution = distribution;
    this.startMillis = startMillis;
    this.endMillis = endMillis;
    this.micros = micros;
    this.ids = ids;
    this.body = body;
    long sum = 0;
    for (long id : ids) {
      sum += id;
    }
    this.idSum = sum;
  }

  /**
   * {@code n} calls of {@code distribution} over seven days from {@link #T0_MILLIS}; ids follow insertion
   * order, not creation time (as in a database), and each call gets one of {@code poolSize} bodies.
   */
  public static Dataset generate(Distribution distribution, int n, int poolSize, long seed) {
    long start = T0_MILLIS;
    long span = SEVEN_DAYS_MILLIS;
    long[] created = distribution.creationMicros(n, start, span, seed);
    // Sort creation times, carrying the insertion index (the id) along: pack (micros, index) and sort.
    long[][] pairs = new long[n][];
    for (int i = 0; i < n; i++) {
      pairs[i] = new long[] {created[i], i};
    }
    Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
    long[] micros = new long[n];
    long[] ids = new long[n];
    int[] body = new int[n];
    for (int i = 0; i < n; i++) {
      micros[i] = pairs[i][0];
      ids[i] = 1_000_000L + pairs[i][1];
      body[i] = Math.floorMod(mix(ids[i]), poolSize);
    }
    return new Dataset(distribution, start, start + span, micros, ids, body);
  }

  private static long mix(long x) {
    x ^= x >>> 33;
    x *= 0xff51afd7ed558ccdL;
    x ^= x >>> 33;
    return x;
  }

  public int size() {
    return micros.length;
  }

  public Distribution distribution() {
    return distribution;
  }

  public Instant start() {
    return Instant.ofEpochMilli(startMillis);
  }

  public Instant end() {
    return Instant.ofEpochMilli(endMillis);
  }

  public long startMillis() {
    return startMillis;
  }

  public long endMillis() {
    return endMillis;
  }

  /** The sum of every id: a stream that delivered each call exactly once sums to it. */
  public long idSum() {
    return idSum;
  }

  public long micros(int index) {
    return micros[index];
  }

  public long id(int index) {
    return ids[index];
  }

  public int body(int index) {
    return body[index];
  }

  /** The index of the first call created at or after {@code value} microseconds. */
  public int lowerBound(long value) {
    int lo = 0;
    int hi = micros.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (micros[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The calls of the inclusive window {@code [geMicros, leMicros]}: indexes {@code [from, to)}. */
  public int[] window(long geMicros, long leMicros) {
    int from = lowerBound(geMicros);
    int to = leMicros == Long.MAX_VALUE ? micros.length : lowerBound(leMicros + 1);
    return new int[] {from, Math.max(from, to)};
  }

  /**
   * Windows known in advance that cover the range with no call on any shared edge, each holding at most
   * {@code maxCalls} calls: what a client that knew the data would ask for. Each is {@code {geMillis,
   * leMillis}}; consecutive windows share their edge millisecond, on which no call was created.
   */
  public List<long[]> knownWindows(int maxCalls) {
    List<long[]> windows = new ArrayList<>();
    long start = startMillis;
    int first = 0;
    while (true) {
      int next = first + maxCalls; // the first call that must not be in this window
      if (next >= micros.length) {
        windows.add(new long[] {start, endMillis});
        return windows;
      }
      long edge = (micros[next] - 1) / 1000; // edge * 1000 < micros[next]
      while (edge > start && hasCallAt(edge * 1000)) {
        edge--;
      }
      if (edge <= start) {
        throw new IllegalStateException("more than " + maxCalls + " calls within one millisecond at " + start);
      }
      windows.add(new long[] {start, edge});
      start = edge;
      first = lowerBound(edge * 1000);
    }
  }

  private boolean hasCallAt(long value) {
    int i = lowerBound(value);
    return i < micros.length && micros[i] == value;
  }
}
