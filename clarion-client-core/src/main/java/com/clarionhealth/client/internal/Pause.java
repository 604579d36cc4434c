package com.clarionhealth.client.internal;

/**
 * A wait that every request of one stream honours: when the server tells one of them to wait (a 429,
 * or any answer with {@code Retry-After}), the others of the stream wait as long before they send,
 * so that a parallel stream does not go on hammering a server that asked it to slow down. Set and
 * read by {@link Exchange}; thread-safe.
 */
public final class Pause {
  private long untilMillis = Long.MIN_VALUE;

  /** Extends the pause to {@code millis} (the engine's clock); never shortens it. */
  synchronized void extendTo(long millis) {
    untilMillis = Math.max(untilMillis, millis);
  }

  /** When the pause ends, on the engine's clock; {@link Long#MIN_VALUE} if it never started. */
  synchronized long untilMillis() {
    return untilMillis;
  }
}
