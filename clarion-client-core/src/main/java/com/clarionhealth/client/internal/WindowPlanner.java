package com.clarionhealth.client.internal;

import com.clarionhealth.client.ClarionPagingException;
import java.util.Arrays;

/**
 * Plans the {@code GET /call} windows that cover one time range, with no I/O.
 *
 * <p>The list endpoint has no cursor and a call carries no creation time, so the only tools are an
 * inclusive {@code [createdAtGe, createdAtLe]} window and a {@code limit}. A page with fewer than
 * {@code limit} calls is the whole window; a full page may be truncated (the server picks which calls
 * it returns), so its calls are discarded and the window is narrowed. Consecutive windows share their
 * edge instant, because the server may store finer than the millisecond the wire can express: a window
 * {@code [a, b]} followed by {@code [b + 1ms, c]} could skip a call created at {@code b + 0.5ms}. The
 * duplicates this sharing creates are removed by {@link EdgeDeduplicator}.
 *
 * <p>A response tells only a count (or, when full, "at least {@code limit}"), so the policy is built
 * from what counts can say:
 *
 * <ul>
 *   <li><b>Density.</b> Consecutive complete windows whose counts agree with one density (within
 *       three standard deviations of a Poisson count, widened upwards on lumpy data, see below) are
 *       pooled into a <i>regime</i>, up to {@value #POOLED_PAGES} pages of calls, so that the estimate
 *       is far steadier than one window's count. A window that disagrees starts a new regime; the
 *       planner remembers the last {@value #REGIMES} regimes, so that coming back to a density seen
 *       before (the quiet hours between bursts, or the next burst) needs no new learning.
 *   <li><b>Width.</b> The next window aims at the count that a Poisson count, given what is known of
 *       the density (its estimate rests on a finite number of calls), stays below {@code limit} with
 *       2.5 standard deviations to spare: 916 of 1000 once a regime holds four pages. A window that
 *       disagrees with its regime and with every remembered one straddles a change of density; the
 *       next window is then planned with the nearest remembered regime in the direction of the jump,
 *       since a straddling window's own density understates the burst it enters (or overstates the
 *       quiet it leaves). After an empty window the width grows eightfold.
 *   <li><b>Full pages.</b> The first window is the whole range (one request when it holds less than a
 *       page); when it is full, nothing is known of the density, so the next one is 32 times narrower:
 *       two full pages instead of seven or eight reach a week's hour-wide windows, at the price of
 *       one under-filled window. Afterwards a full window is halved: a binary search for where the
 *       density rose, which is the fewest requests that can locate it with answers that say only
 *       full or not.
 *   <li><b>Known-full regions.</b> A full page proves at least {@code limit} calls in its window; each
 *       complete window inside it takes its count off that bound. The rest of such a region is never
 *       asked whole while it must still hold a full page, nor while the calls it must hold are
 *       surprising for the density (the burst lies in it): it is halved, which continues the binary
 *       search instead of paying a full page per step. Otherwise a window that covers the rest counts
 *       those calls as already in it, so that it does not overshoot.
 *   <li><b>Lumpy data.</b> When calls come in lumps of a sizeable part of a page (many calls in one
 *       millisecond, or short bursts), counts vary far more than a Poisson count. The median of the
 *       last {@value #RESIDUALS} windows' squared standardized deviations measures that dispersion;
 *       it widens the agreement test upwards only, so that a lump does not start a regime while a
 *       window far below the estimate still does.
 * </ul>
 *
 * <p>Termination: every response either completes a window, which moves the start forward by at least
 * one millisecond (or ends the range), or narrows the window from the same start to a strictly smaller
 * width; a width of one millisecond is not split, it is asked once more at the largest limit and then
 * fails with {@link ClarionPagingException}. So the number of requests is bounded by the range and
 * never loops.
 */
public final class WindowPlanner {
  /** The largest {@code limit} the API accepts. */
  public static final int MAX_LIMIT = 1000;

  /** How far below {@code limit} a window aims, in standard deviations of its count. */
  private static final double AIM_DEVIATIONS = 2.5;
  /** How far a count may be from a regime's estimate, in standard deviations, and still belong to it. */
  private static final double AGREEMENT_DEVIATIONS = 3;
  /** The pages of calls a regime pools at most: enough for a steady estimate, few enough to follow a drift. */
  private static final int POOLED_PAGES = 4;
  /** The regimes remembered, the current one included. */
  private static final int REGIMES = 3;
  /** The windows whose deviations measure the dispersion. */
  private static final int RESIDUALS = 9;
  /** The median of a squared standard normal: what the median of Poisson deviations comes to. */
  private static final double POISSON_MEDIAN = 0.455;
  /** How much narrower the window after a blind full page is: the whole range, no density known. */
  private static final int BLIND_NARROWING = 32;
  /** How much wider the window after an empty one is. */
  private static final int EMPTY_GROWTH = 8;

  private final long endMillis;
  private final int limit;
  private final boolean blind; // the first window is the whole range, planned from nothing
  private final StreamRun run; // told of each discarded full page; null for none

  private long startMillis;
  private long widthMillis;
  private boolean done;
  private Window pending;
  private int requests; // for the window being completed, full pages included

  // At least knownCount calls lie in [startMillis, knownEndMillis]: learnt from a full page.
  private long knownEndMillis = Long.MIN_VALUE;
  private long knownCount;

  // Regimes: calls and milliseconds pooled; index 0 is the current one, a width of 0 an unused slot.
  private final double[] regimeCalls = new double[REGIMES];
  private final double[] regimeMillis = new double[REGIMES];
  // What the next window was planned with: calls per millisecond (negative before any complete
  // window), the calls that estimate rests on, and the count aimed at.
  private double planDensity = -1;
  private double planBasis;
  private double aimCount;

  private final double[] residuals = new double[RESIDUALS];
  private int residualCount;
  private double dispersion = 1;

  private WindowPlanner(long startMillis, long endMillis, int limit, long widthMillis, StreamRun run) {
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
    this.blind = widthMillis >= endMillis - startMillis;
    this.run = run;
  }

  /** Plans {@code [startMillis, endMillis]}, starting with one window over the whole range. */
  public static WindowPlanner forRange(long startMillis, long endMillis, int limit) {
    return new WindowPlanner(startMillis, endMillis, limit, endMillis - startMillis, null);
  }

  /** Plans {@code [startMillis, endMillis]} starting with a width learnt earlier (a resumed cursor). */
  public static WindowPlanner forRange(long startMillis, long endMillis, int limit, long widthHintMillis) {
    return new WindowPlanner(startMillis, endMillis, limit, widthHintMillis, null);
  }

  /** {@link #forRange(long, long, int, long)} for a walk: each full page it discards is told to {@code run}. */
  static WindowPlanner forRange(long startMillis, long endMillis, int limit, long widthHintMillis, StreamRun run) {
    return new WindowPlanner(startMillis, endMillis, limit, widthHintMillis, run);
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
      if (knownEndMillis > startMillis && knownCount > 0) {
        width = withinKnownRegion(width, knownEndMillis - startMillis);
      }
      pending = new Window(startMillis, startMillis + width, limit);
    }
    return pending;
  }

  /** The width of a window that starts in a region known to hold {@code knownCount} calls at least. */
  private long withinKnownRegion(long width, long rest) {
    if (width < rest) {
      return width;
    }
    if (knownCount >= limit || surprising(knownCount, rest)) {
      // Still full, or denser than the estimate somewhere: asking it whole would most likely be a
      // full page again, so halve it, one more step of the binary search for the dense part.
      return Math.max(1, rest / 2);
    }
    if (planDensity <= 0) {
      return width;
    }
    // The region holds its known calls, or what the density says if that is more: aim what follows
    // at the rest of the aim, or take a part of the region if it alone reaches the aim.
    double inRest = Math.max(knownCount, planDensity * rest);
    if (inRest >= aimCount) {
      return Math.max(1, (long) (rest * aimCount / inRest));
    }
    return Math.min(width, rest + (long) ((aimCount - inRest) / planDensity));
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
      if (run != null) {
        run.fullPageDiscarded(window);
      }
      return null;
    }
    CompletedWindow completed = new CompletedWindow(window, page.calls(), page.rawJson(), widthMillis, requests,
        page.bytes());
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
      // A lower bound still: the calls on the shared edge instant are in both, never fewer.
      knownCount -= count;
    }
    double width = Math.max(1, window.widthMillis());
    measureDispersion(count, width);
    int plan = learn(count, width);
    if (regimeCalls[plan] <= 0) {
      planDensity = 0;
      planBasis = 0;
      aimCount = 0;
      widthMillis = Math.max(1, saturatedRound(width * EMPTY_GROWTH));
    } else {
      planBasis = regimeCalls[plan];
      planDensity = density(plan);
      aimCount = aim(planBasis);
      widthMillis = Math.max(1, saturatedRound(aimCount / planDensity));
    }
    startMillis = window.leMillis();
  }

  /**
   * Files a complete window's count under the regime it agrees with, or starts a new one.
   *
   * @return the regime to plan the next window with
   */
  private int learn(int count, double width) {
    for (int i = 0; i < REGIMES; i++) {
      if (agrees(count, width, i)) {
        double calls = regimeCalls[i] + count;
        double millis = regimeMillis[i] + width;
        double pooled = (double) POOLED_PAGES * limit;
        if (calls > pooled) {
          millis *= pooled / calls; // forget the oldest part, keeping the density
          calls = pooled;
        }
        for (int j = i; j > 0; j--) {
          regimeCalls[j] = regimeCalls[j - 1];
          regimeMillis[j] = regimeMillis[j - 1];
        }
        regimeCalls[0] = calls;
        regimeMillis[0] = millis;
        return 0;
      }
    }
    double previous = regimeMillis[0] > 0 ? density(0) : -1;
    // Remember the current regime instead of the remembered one resting on the fewest calls, unless
    // the current one rests on fewer still (a window that straddled a change, say).
    int evict = 1;
    for (int i = 1; i < REGIMES; i++) {
      if (regimeMillis[i] <= 0) {
        evict = i;
        break;
      }
      if (regimeCalls[i] < regimeCalls[evict]) {
        evict = i;
      }
    }
    if (regimeMillis[0] > 0 && (regimeMillis[evict] <= 0 || regimeCalls[0] >= regimeCalls[evict])) {
      regimeCalls[evict] = regimeCalls[0];
      regimeMillis[evict] = regimeMillis[0];
    }
    regimeCalls[0] = count;
    regimeMillis[0] = width;
    if (previous < 0) {
      return 0;
    }
    // The window agrees with nothing known: it most likely straddles a change. Beyond it lies the
    // new density, which it understates (entering a burst) or overstates (leaving one): plan with
    // the nearest remembered regime beyond it in the direction of the jump, if there is one.
    double now = count / width;
    int plan = 0;
    for (int i = 1; i < REGIMES; i++) {
      if (regimeMillis[i] <= 0 || regimeCalls[i] <= 0) {
        continue;
      }
      double d = density(i);
      boolean beyond = now > previous ? d > now : d < now;
      if (beyond && (plan == 0 || Math.abs(d - now) < Math.abs(density(plan) - now))) {
        plan = i;
      }
    }
    return plan;
  }

  private boolean agrees(double count, double width, int regime) {
    if (regimeMillis[regime] <= 0) {
      return false;
    }
    double expected = density(regime) * width;
    // Lumps only ever add calls: a count far below the estimate is a change even on lumpy data.
    double phi = count > expected ? dispersion : 1;
    double sd = Math.sqrt(phi * expected + expected * expected / Math.max(1, regimeCalls[regime]));
    return Math.abs(count - expected) <= AGREEMENT_DEVIATIONS * sd + 1;
  }

  /** Whether {@code count} calls in {@code width} are far more than the planned density gives. */
  private boolean surprising(double count, double width) {
    if (planDensity < 0) {
      return false;
    }
    double expected = planDensity * width;
    double sd = Math.sqrt(expected + expected * expected / Math.max(1, planBasis));
    return count > expected + AGREEMENT_DEVIATIONS * sd + 1;
  }

  /** Updates the dispersion: the median squared deviation of recent counts from their plans. */
  private void measureDispersion(int count, double width) {
    if (planDensity <= 0) {
      return;
    }
    double expected = planDensity * width;
    double variance = expected + expected * expected / Math.max(1, planBasis);
    residuals[residualCount++ % RESIDUALS] = (count - expected) * (count - expected) / variance;
    int n = Math.min(residualCount, RESIDUALS);
    if (n >= 3) {
      double[] sorted = Arrays.copyOf(residuals, n);
      Arrays.sort(sorted);
      // The median, not the mean: one straddling window must not make the data look lumpy.
      dispersion = Math.max(1, sorted[n / 2] / POISSON_MEDIAN);
    }
  }

  private double density(int regime) {
    return regimeCalls[regime] / regimeMillis[regime];
  }

  /**
   * The mean count to aim a window at: the largest {@code m} with {@code m} plus
   * {@value #AIM_DEVIATIONS} standard deviations below {@code limit}, the variance being the Poisson
   * count's {@code m} plus the estimate's own, {@code m² / basis} for a density learnt from
   * {@code basis} calls. Fewer calls known, a more careful aim.
   */
  double aim(double basis) {
    double low = 0;
    double high = limit;
    for (int i = 0; i < 40; i++) {
      double m = (low + high) / 2;
      if (m + AIM_DEVIATIONS * Math.sqrt(m + m * m / basis) < limit) {
        low = m;
      } else {
        high = m;
      }
    }
    return Math.max(low, 0.5);
  }

  private void narrow(Window window) {
    knownEndMillis = window.leMillis();
    knownCount = window.limit();
    long width = window.widthMillis();
    if (width > 1) {
      // Both narrowings are strict, from the same start: the search ends.
      widthMillis = blind && planDensity < 0 ? Math.max(1, width / BLIND_NARROWING) : width / 2;
      return;
    }
    if (window.limit() < MAX_LIMIT) {
      // One millisecond cannot be split: ask it once more at the largest page the API serves.
      pending = new Window(window.geMillis(), window.leMillis(), MAX_LIMIT);
      return;
    }
    throw new ClarionPagingException(window.createdAtGe(), window.createdAtLe(), window.limit());
  }

  private static long saturatedRound(double value) {
    return value >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.round(value);
  }
}
