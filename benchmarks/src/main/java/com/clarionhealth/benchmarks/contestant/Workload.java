package com.clarionhealth.benchmarks.contestant;

import java.time.Instant;
import java.util.List;

/**
 * The range to stream, for our clients, and the windows known in advance that cover it, for the floor and
 * the stock clients (each {@code {geMillis, leMillis}}, fewer than 1000 calls, no call on a shared edge).
 */
public final class Workload {
  private final Instant from;
  private final Instant to;
  private final List<long[]> windows;

  public Workload(Instant from, Instant to, List<long[]> windows) {
    this.from = from;
    this.to = to;
    this.windows = List.copyOf(windows);
  }

  public Instant from() {
    return from;
  }

  public Instant to() {
    return to;
  }

  public List<long[]> windows() {
    return windows;
  }
}
