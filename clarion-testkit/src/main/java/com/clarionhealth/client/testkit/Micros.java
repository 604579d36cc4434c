package com.clarionhealth.client.testkit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Instants as microseconds since the epoch: the resolution at which the sandbox stores creation times. */
final class Micros {
  static final long PER_SECOND = 1_000_000L;
  static final long PER_MILLI = 1_000L;

  private Micros() {}

  /** Floor to the microsecond, saturating far outside any realistic range. */
  static long of(Instant instant) {
    return floor(instant);
  }

  static long floor(Instant instant) {
    long seconds = instant.getEpochSecond();
    if (seconds > Long.MAX_VALUE / PER_SECOND - 1) {
      return Long.MAX_VALUE;
    }
    if (seconds < Long.MIN_VALUE / PER_SECOND + 1) {
      return Long.MIN_VALUE;
    }
    return seconds * PER_SECOND + instant.getNano() / 1_000;
  }

  /** Ceiling to the microsecond: the first microsecond at or after {@code instant}. */
  static long ceil(Instant instant) {
    long floor = floor(instant);
    return instant.getNano() % 1_000 == 0 || floor == Long.MAX_VALUE ? floor : floor + 1;
  }

  static Instant toInstant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, PER_SECOND), Math.floorMod(micros, PER_SECOND) * 1_000L);
  }

  static Instant truncate(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }
}
