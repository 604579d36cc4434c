package com.clarionhealth.client.testkit;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The sandbox's clock: it stands still until the test moves it. Every creation time, every status
 * ({@code queued}, {@code ringing}, {@code in-progress}, {@code forwarding}, {@code ended}) and every
 * timestamp the sandbox serves is read from it, never from the system clock; only {@linkplain
 * FaultRule#delay(Duration) added latency} is real time. It only moves forward, with a resolution of
 * one microsecond (the resolution of the sandbox's creation times).
 *
 * <p>It is a {@link Clock}, so it can be handed to code under test that takes one. Thread-safe.
 */
public final class SandboxClock extends Clock {
  private volatile Instant now;

  SandboxClock(Instant start) {
    this.now = Micros.truncate(requireNonNull(start, "start == null"));
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** A view of this clock in another zone: the same instant, moved by {@link #advance}. */
  @Override
  public Clock withZone(ZoneId zone) {
    requireNonNull(zone, "zone == null");
    if (zone.equals(ZoneOffset.UTC)) {
      return this;
    }
    SandboxClock self = this;
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId other) {
        return self.withZone(other);
      }

      @Override
      public Instant instant() {
        return self.instant();
      }
    };
  }

  /**
   * Moves the clock forward; calls advance through their lifecycle accordingly.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public synchronized SandboxClock advance(Duration duration) {
    requireNonNull(duration, "duration == null");
    if (duration.isNegative()) {
      throw new IllegalArgumentException("the sandbox clock only moves forward; duration was " + duration);
    }
    now = Micros.truncate(now.plus(duration));
    return this;
  }

  /**
   * Moves the clock forward to {@code instant}.
   *
   * @throws IllegalArgumentException if {@code instant} is before the clock's current instant
   */
  public synchronized SandboxClock advanceTo(Instant instant) {
    requireNonNull(instant, "instant == null");
    Instant target = Micros.truncate(instant);
    if (target.isBefore(now)) {
      throw new IllegalArgumentException(
          "the sandbox clock only moves forward: it is " + now + ", asked for " + instant);
    }
    now = target;
    return this;
  }

  /** The current instant in microseconds since the epoch. */
  long micros() {
    return Micros.of(now);
  }

  synchronized void resetTo(Instant start) {
    now = Micros.truncate(start);
  }

  @Override
  public String toString() {
    return "SandboxClock[" + now + ']';
  }
}
