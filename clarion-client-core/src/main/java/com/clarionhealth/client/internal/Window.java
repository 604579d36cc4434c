package com.clarionhealth.client.internal;

import java.time.Instant;

/**
 * One {@code GET /call} request the planner wants sent: {@code createdAtGe=ge}, {@code createdAtLe=le}
 * (both inclusive, millisecond precision) and {@code limit}.
 */
public final class Window {
  private final long geMillis;
  private final long leMillis;
  private final int limit;

  Window(long geMillis, long leMillis, int limit) {
    if (leMillis < geMillis) {
      throw new IllegalArgumentException("window ends before it starts: " + geMillis + " > " + leMillis);
    }
    this.geMillis = geMillis;
    this.leMillis = leMillis;
    this.limit = limit;
  }

  public Instant createdAtGe() {
    return Instant.ofEpochMilli(geMillis);
  }

  public Instant createdAtLe() {
    return Instant.ofEpochMilli(leMillis);
  }

  public int limit() {
    return limit;
  }

  long geMillis() {
    return geMillis;
  }

  long leMillis() {
    return leMillis;
  }

  long widthMillis() {
    return leMillis - geMillis;
  }

  @Override
  public String toString() {
    return "[" + createdAtGe() + ", " + createdAtLe() + "] limit " + limit;
  }
}
