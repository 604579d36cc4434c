package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionPagingException;

/**
 * Plans the {@code GET /call} windows that cover one time range, with no I/O.
 *
 * <p>The list endpoint has no cursor and a call carries no creation time, so the only tools are an
 * inclusive {@code [createdAtGe, createdAtLe]} window and a {@code limit}. A page with fewer than
 * {@code limit} calls is the whole window; a full page may be truncated (the server picks which calls
 * it returns), so its calls are discarded and the window is halved. Consecutive windows share their
 * edge instant, because the server may store finer than the millisecond the wire can express: a window
 * {@code [a, b]} followed by {@code [b + 1ms, c]} could skip a call created at {@code b + 0.5ms}. The
 * duplicates this sharing creates are removed by {@link EdgeDeduplicator}.
 *
 * <p>The width adapts to the density seen in the last two complete windows, aiming below {@code limit}
 * by a few standard deviations of a Poisson count, so that the request count stays close to
 * {@code ceil(N / limit)}. After a full page the planner remembers that the window held at least
 * {@code limit} calls and does not ask for that region whole again, so that entering a dense region
 * from a sparse one costs a binary search, not a string of full pages.
 *
 * <p>Termination: every response either completes a window, which moves the start forward by at least
 * one millisecond (or ends the range), or halves the width; a width of one millisecond is not split,
 * it is asked once more at the largest limit and then fails with {@link ClarionPagingException}. So
 * the number of requests is bounded by the range and never loops.
 */
public final class WindowPlanner {
  /** The largest {@code limit} the API accepts. */
  public static final int MAX_LIMIT = 1000;

  private static final long MAX_GROWTH = 8;

  private final long endMillis;
  private final int limit;
  private final double target;

  private long startMillis;
  private long widthMillis;
  private boolean done;
  private Window pending;
  private int requests; // for the window being completed, full pages included

  // At least knownCount calls lie in [startMillis, knownEndMillis]: learnt from a full page.
  private long knownEndMillis = Long.MIN_VALUE;
  private long knownCount;

  // The last complete window, to smooth the density estimate; previousCount < 0 when there is none.
  private long previousCount = -1;
  private long previousWidth;

  private WindowPlanner(long startMillis, long endMillis, int limit, long widthMillis) {
    if (endMillis < startMillis) {
      throw new IllegalArgumentException("range ends before it starts");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be within 1..1000, was " + limit);
    }
    this.startMillis = startMillis;
    this.endMillis = endMillis;
    this.limit = limit;
    this.widthMillis = Math.max(1, widthMillis);
    this.target = targetCount(limit);
  }

  /** Plans {@code [startMillis, endMillis]}, starting with one window over the whole range. */
  public static WindowPlanner forRange(long startMillis, long endMillis, int limit) {
    return new WindowPlanner(startMillis, endMillis, limit, endMillis - startMillis);
  }

  /** Plans {@code [startMillis, endMillis]} starting with a width learnt earlier (a resumed cursor). */
  public static WindowPlanner forRange(long startMillis, long endMillis, int limit, long widthHintMillis) {
    return new WindowPlanner(startMillis, endMillis, limit, widthHintMillis);
  }

  /** Whether every window of the range has been completed. */
  public boolean isDone() {
    return done;
  }

  /** The window to ask for next. Asking twice without a response returns the same window. */
  public Window nextWindow() {
    if (done) {
      throw new IllegalStateException("the range is complete");
    }
    if (pending == null) {
      long width = Math.min(widthMillis, endMillis - startMillis);
      if (knownEndMillis > startMillis && knownCount >= limit / 2) {
        // Do not ask again, whole, a region known to hold a full page: halve it instead.
        long rest = knownEndMillis - startMillis;
        width = Math.min(width, Math.max(1, knownCount >= limit ? rest / 2 : rest - 1));
      }
      pending = new Window(startMillis, startMillis + width, limit);
    }
    return pending;
  }

  /**
   * Takes what the server answered for {@code window}, the pending one.
   *
   * @return the completed window, its calls to be delivered; or null when the page was full, so may
   *     be truncated, and is discarded (a narrower window comes next)
   * @throws ClarionPagingException if the window cannot be narrowed and is still full
   */
  public CompletedWindow onPage(Window window, FetchedPage page) {
    if (!onPage(window, page.size())) {
      return null;
    }
    CompletedWindow completed = new CompletedWindow(window, page.calls(), widthMillis, requests);
    requests = 0;
    return completed;
  }

  /** {@link #onPage(Window, FetchedPage)} by the page's size alone: whether the window completed. */
  boolean onPage(Window window, int count) {
    if (window != pending) {
      throw new IllegalStateException("response to a window that was not the pending one: " + window);
    }
    pending = null;
    requests++;
    if (count < window.limit()) {
      complete(window, count);
      return true;
    }
    narrow(window);
    return false;
  }

  /** The width the next window would have; carried in a cursor so a resumed stream starts well. */
  public long widthHintMillis() {
    return widthMillis;
  }

  private void complete(Window window, int count) {
    if (window.leMillis() >= endMillis) {
      done = true;
      return;
    }
    if (window.leMillis() >= knownEndMillis) {
      knownEndMillis = Long.MIN_VALUE;
    } else {
      knownCount -= count;
    }
    long width = Math.max(1, window.widthMillis());
    double next;
    if (count == 0) {
      next = (double) width * MAX_GROWTH;
    } else if (previousCount > 0) {
      // Two windows halve the Poisson noise of one; a burst still shows within a window or two.
      next = (double) (width + previousWidth) * target / (count + previousCount);
    } else {
      next = (double) width * target / count;
    }
    next = Math.max(width * 0.5, Math.min(next, (double) width * MAX_GROWTH));
    widthMillis = Math.max(1, saturatedRound(next));
    previousCount = count;
    previousWidth = width;
    startMillis = window.leMillis();
  }

  private void narrow(Window window) {
    knownEndMillis = window.leMillis();
    knownCount = window.limit();
    previousCount = -1;
    if (window.widthMillis() > 1) {
      widthMillis = window.widthMillis() / 2;
      return;
    }
    if (window.limit() < MAX_LIMIT) {
      // One millisecond cannot be split: ask it once more at the largest page the API serves.
      pending = new Window(window.geMillis(), window.leMillis(), MAX_LIMIT);
      return;
    }
    throw new ClarionPagingException(window.createdAtGe(), window.createdAtLe(), window.limit());
  }

  /** Aims a window at {@code limit} less 2.5 standard deviations of a Poisson count, at least half. */
  static double targetCount(int limit) {
    return Math.max(limit / 2.0, limit - 2.5 * Math.sqrt(limit));
  }

  private static long saturatedRound(double value) {
    return value >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(value);
  }
}
