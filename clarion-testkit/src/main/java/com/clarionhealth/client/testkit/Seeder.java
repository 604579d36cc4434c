package com.clarionhealth.client.testkit;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Draws the creation times of seeded calls: sorted microseconds, reproducible from the seed. */
final class Seeder {
  private static final long BURST_MICROS = 10 * 60 * Micros.PER_SECOND;
  private static final int CALLS_PER_BURST = 500;

  private Seeder() {}

  static long[] creationTimes(int n, Instant from, Instant to, Distribution distribution, long seed) {
    long lo = Micros.ceil(from);
    long hi = Micros.floor(to);
    if (lo > hi) {
      throw new IllegalArgumentException("from must not be after to: " + from + " > " + to);
    }
    SplittableRandom random = new SplittableRandom(Seeds.mix(seed, 0x5EEDL));
    long[] times = new long[n];
    switch (distribution) {
      case UNIFORM:
        for (int i = 0; i < n; i++) {
          times[i] = uniform(random, lo, hi);
        }
        break;
      case SAME_INSTANT:
        Arrays.fill(times, lo);
        break;
      case BURSTS:
        bursts(random, times, lo, hi);
        break;
      case BUSINESS_HOURS:
        businessHours(random, times, lo, hi);
        break;
      default:
        throw new AssertionError(distribution);
    }
    Arrays.sort(times);
    return times;
  }

  /** Uniform in [lo, hi], both inclusive. */
  private static long uniform(SplittableRandom random, long lo, long hi) {
    return hi == Long.MAX_VALUE ? lo + random.nextLong(0, hi - lo) : random.nextLong(lo, hi + 1);
  }

  private static void bursts(SplittableRandom random, long[] times, long lo, long hi) {
    int bursts = Math.max(1, times.length / CALLS_PER_BURST);
    long[] starts = new long[bursts];
    for (int b = 0; b < bursts; b++) {
      starts[b] = uniform(random, lo, Math.max(lo, hi - BURST_MICROS));
    }
    for (int i = 0; i < times.length; i++) {
      if (random.nextInt(10) == 0) {
        times[i] = uniform(random, lo, hi);
      } else {
        long start = starts[random.nextInt(bursts)];
        times[i] = uniform(random, start, Math.min(hi, start + BURST_MICROS));
      }
    }
  }

  /** Monday to Friday, 09:00 to 17:00 UTC, intersected with [lo, hi]; uniform over their total length. */
  private static void businessHours(SplittableRandom random, long[] times, long lo, long hi) {
    List<long[]> intervals = new ArrayList<>();
    LocalDate day = LocalDate.ofInstant(Micros.toInstant(lo), ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(Micros.toInstant(hi), ZoneOffset.UTC);
    long total = 0;
    for (; !day.isAfter(last); day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      long open = Micros.of(day.atTime(9, 0).toInstant(ZoneOffset.UTC));
      long close = Micros.of(day.atTime(17, 0).toInstant(ZoneOffset.UTC)) - 1;
      long start = Math.max(open, lo);
      long end = Math.min(close, hi);
      if (start <= end) {
        intervals.add(new long[] {start, end, total});
        total += end - start + 1;
      }
    }
    if (total == 0 && times.length > 0) {
      throw new IllegalArgumentException(
          "BUSINESS_HOURS needs a range with some weekday 09:00-17:00 UTC; " + Micros.toInstant(lo) + " to "
              + Micros.toInstant(hi) + " has none");
    }
    for (int i = 0; i < times.length; i++) {
      long offset = random.nextLong(total);
      int a = 0;
      int b = intervals.size() - 1;
      while (a < b) {
        int mid = (a + b + 1) >>> 1;
        if (intervals.get(mid)[2] <= offset) {
          a = mid;
        } else {
          b = mid - 1;
        }
      }
      long[] interval = intervals.get(a);
      times[i] = interval[0] + (offset - interval[2]);
    }
  }
}
