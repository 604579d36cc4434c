package com.clarionhealth.client.internal;

/**
 * The rest of a range at concurrency {@code n}, cut into slots as they are needed: each slot is as
 * wide as one page's window is expected to be at the density seen so far, so that the {@code n}
 * requests in flight are all near the part of the range the consumer takes next (their pages are
 * delivered in order, so a request far ahead would only fill memory). Each slot is walked by its own
 * {@link WindowPlanner}: a slot whose first window comes back full is narrowed inside the slot.
 *
 * <p>Slots are contiguous and share their edge instants, like windows, so the one assembler's
 * deduplication over the ordered pages covers them. Thread-safe: slots complete on any thread.
 */
public final class Frontier {
  private static final long MAX_GROWTH = 8;
  /**
   * Completed windows whose density is pooled: one window's count is a Poisson draw (about 3% off at
   * a page of 1000), and a slot cut from it alone came back full several times a stream; pooling
   * four halves that noise and still follows a density that changes over a few pages.
   */
  private static final int POOLED = 4;

  private final long endMillis;
  private final int limit;
  private final double target;
  private long positionMillis;
  private long widthMillis;
  private final long[] pooledWidths = new long[POOLED];
  private final long[] pooledCounts = new long[POOLED];
  private int observed;
  private final StreamRun run;

  Frontier(long fromMillis, long endMillis, int limit, long widthMillis, StreamRun run) {
    this.positionMillis = fromMillis;
    this.endMillis = endMillis;
    this.limit = limit;
    this.widthMillis = Math.max(1, widthMillis);
    this.run = run;
    // A slot aims below the limit by 2.5 standard deviations of a Poisson count, at least half of it,
    // so that most slots complete in one request.
    this.target = Math.max(limit / 2.0, limit - 2.5 * Math.sqrt(limit));
  }

  /** The next slot, or null once the slots cover the range. */
  public synchronized WindowPlanner nextSlot() {
    if (positionMillis >= endMillis) {
      return null; // the head's window ended on the range's end, or the slots reached it
    }
    long to = endMillis - positionMillis <= widthMillis ? endMillis : positionMillis + widthMillis;
    WindowPlanner slot = WindowPlanner.forRange(positionMillis, to, limit, to - positionMillis, run);
    positionMillis = to;
    return slot;
  }

  /**
   * Learns from a completed window the width the next slots get: the width that would have held
   * {@code target} calls at the density of the last few windows, at most eight times wider and at
   * least half as wide as this one.
   */
  public synchronized void observe(CompletedWindow completed) {
    long width = Math.max(1, completed.window.widthMillis());
    int count = completed.calls == null ? 0 : completed.calls.size();
    pooledWidths[observed % POOLED] = width;
    pooledCounts[observed % POOLED] = count;
    observed++;
    double widths = 0;
    long counts = 0;
    for (int i = 0; i < Math.min(observed, POOLED); i++) {
      widths += pooledWidths[i];
      counts += pooledCounts[i];
    }
    double next = counts == 0 ? (double) width * MAX_GROWTH : widths * target / counts;
    next = Math.max(width * 0.5, Math.min(next, (double) width * MAX_GROWTH));
    widthMillis = Math.max(1, Math.round(Math.min(next, (double) Long.MAX_VALUE / 2)));
  }
}
