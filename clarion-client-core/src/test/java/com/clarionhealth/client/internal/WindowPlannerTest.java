package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.assertj.core.data.Offset.offset;
import static org.assertj.core.data.Percentage.withPercentage;

import com.clarionhealth.client.ClarionPagingException;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WindowPlannerTest {
  private static final long T = 1_767_225_600_000L;

  @Test
  void firstWindowIsTheWholeRangeAndASparsePageEndsIt() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 60_000, 1000);

    Window window = planner.nextWindow();

    assertThat(window.createdAtGe()).isEqualTo(Instant.ofEpochMilli(T));
    assertThat(window.createdAtLe()).isEqualTo(Instant.ofEpochMilli(T + 60_000));
    assertThat(window.limit()).isEqualTo(1000);
    assertThat(planner.onPage(window, 999)).isTrue();
    assertThat(planner.isDone()).isTrue();
  }

  @Test
  void aFullPageOverTheWholeRangeIsDiscardedAndTheNextWindowIsThirtyTwoTimesNarrower() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 64_000, 1000);

    assertThat(planner.onPage(planner.nextWindow(), 1000)).isFalse();
    Window narrower = planner.nextWindow();

    assertThat(narrower.geMillis()).isEqualTo(T);
    assertThat(narrower.leMillis()).isEqualTo(T + 2000);
  }

  @Test
  void onceTheDensityIsKnownAFullPageIsHalvedFromTheSameStart() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 64_000_000, 1000);
    planner.onPage(planner.nextWindow(), 1000); // blind: 32 times narrower
    planner.onPage(planner.nextWindow(), 500); // [T, T + 2,000,000] held 500
    Window planned = planner.nextWindow();

    assertThat(planner.onPage(planned, 1000)).isFalse();
    Window halved = planner.nextWindow();

    assertThat(halved.geMillis()).isEqualTo(planned.geMillis()).isEqualTo(T + 2_000_000);
    assertThat(halved.widthMillis()).isEqualTo(planned.widthMillis() / 2);
  }

  @Test
  void aResumedStreamHalvesItsFirstFullWindowSinceItsWidthWasPlanned() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 64_000_000, 1000, 4000);

    planner.onPage(planner.nextWindow(), 1000);

    assertThat(planner.nextWindow().leMillis()).isEqualTo(T + 2000);
  }

  @Test
  void nextWindowSharesTheEdgeOfTheCompletedOne() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 1000, 100);
    planner.onPage(planner.nextWindow(), 100);
    Window first = planner.nextWindow();
    planner.onPage(first, 10);

    assertThat(planner.nextWindow().geMillis()).isEqualTo(first.leMillis());
  }

  @Test
  void windowsAimBelowTheLimitByTheNoiseOfACountAndOfTheDensityEstimate() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 1000, 1000);

    // Poisson noise alone would allow 1000 - 2.5 * sqrt(921) = 924; the estimate's own error, from
    // four pages of calls, takes a few more.
    assertThat(planner.aim(4000)).isBetween(905.0, 921.0);
    // Learnt from ten calls, the density may well be twice what they said.
    assertThat(planner.aim(10)).isLessThan(planner.aim(4000) * 0.65);
    assertThat(WindowPlanner.forRange(T, T + 1000, 1).aim(4000)).isEqualTo(0.5);
  }

  @Test
  void steadyCountsSettleTheWidthOnTheAim() {
    WindowPlanner planner = steady(1.0);

    // One call a millisecond: the window holds what the planner aims at.
    Window window = planner.nextWindow();
    assertThat((double) window.widthMillis()).isCloseTo(planner.aim(4000), offset(2.0));
  }

  @Test
  void aFullMillisecondIsAskedOnceMoreAtTheLargestLimitThenFailsNamingTheInstant() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 1, 10);
    Window window = planner.nextWindow();
    assertThat(planner.onPage(window, 10)).isFalse();

    Window escalated = planner.nextWindow();
    assertThat(escalated.geMillis()).isEqualTo(T);
    assertThat(escalated.leMillis()).isEqualTo(T + 1);
    assertThat(escalated.limit()).isEqualTo(1000);

    assertThatThrownBy(() -> planner.onPage(escalated, 1000))
        .isInstanceOfSatisfying(ClarionPagingException.class, e -> {
          assertThat(e.instant()).isEqualTo(Instant.ofEpochMilli(T));
          assertThat(e.windowEnd()).isEqualTo(Instant.ofEpochMilli(T + 1));
          assertThat(e.limit()).isEqualTo(1000);
        })
        .hasMessageContaining("2026-01-01T00:00:00Z");
  }

  @Test
  void anEscalatedMillisecondThatIsNotFullCompletes() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 1, 10);
    planner.onPage(planner.nextWindow(), 10);

    assertThat(planner.onPage(planner.nextWindow(), 400)).isTrue();
    assertThat(planner.isDone()).isTrue();
  }

  @Test
  void aSingleInstantRangeIsOneWindowOfWidthZero() {
    WindowPlanner planner = WindowPlanner.forRange(T, T, 1000);
    Window window = planner.nextWindow();

    assertThat(window.widthMillis()).isZero();
    assertThat(planner.onPage(window, 0)).isTrue();
    assertThat(planner.isDone()).isTrue();
  }

  @Test
  void emptyWindowsWidenGeometrically() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 10_000_000, 1000, 1000);
    planner.onPage(planner.nextWindow(), 0);

    assertThat(planner.nextWindow().widthMillis()).isEqualTo(8000);
  }

  @Test
  void aRegionKnownToHoldAFullPageIsNotAskedWholeAgain() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 1_000_000, 1000, 8000);
    planner.onPage(planner.nextWindow(), 1000); // [T, T+8000] holds at least 1000
    planner.onPage(planner.nextWindow(), 0); // [T, T+4000] holds none: they are all in [T+4000, T+8000]

    Window next = planner.nextWindow();
    assertThat(next.geMillis()).isEqualTo(T + 4000);
    assertThat(next.leMillis()).isEqualTo(T + 6000); // half of the rest, not eight times wider
  }

  @Test
  void theRestOfAFullWindowThatMustHoldFarMoreThanTheDensityGivesIsHalved() {
    WindowPlanner planner = steady(0.5);
    Window planned = planner.nextWindow();
    planner.onPage(planned, 1000);
    Window half = planner.nextWindow();
    long expected = Math.round(0.5 * half.widthMillis());

    planner.onPage(half, (int) expected); // so the rest holds 1000 - expected, far more than expected

    Window next = planner.nextWindow();
    long rest = planned.leMillis() - half.leMillis();
    assertThat(next.geMillis()).isEqualTo(half.leMillis());
    assertThat(next.widthMillis()).isEqualTo(rest / 2); // the binary search for the dense part goes on
  }

  @Test
  void theRestOfAFullWindowThatHoldsWhatTheDensityGivesIsAskedWithWhatFollowsIt() {
    WindowPlanner planner = steady(0.5);
    Window planned = planner.nextWindow();
    planner.onPage(planned, 1000); // just past the limit: noise, not a burst
    Window half = planner.nextWindow();

    planner.onPage(half, 520); // so the rest holds at least 480, about what the density gives

    Window next = planner.nextWindow();
    assertThat(next.geMillis()).isEqualTo(half.leMillis());
    // Covers the rest and goes on, but counts the 480 known calls: narrower than a fresh window.
    assertThat(next.leMillis()).isGreaterThan(planned.leMillis());
    assertThat(next.widthMillis()).isLessThan(planned.widthMillis());
  }

  @Test
  void leavingABurstTheWindowGoesBackToTheDensityRememberedFromBeforeIt() {
    WindowPlanner planner = steady(0.05); // quiet: windows of about 18 seconds
    long quietWidth = planner.nextWindow().widthMillis();
    answer(planner, 50.0, 0, 10); // a burst a thousand times denser: windows of about 18 ms
    assertThat(planner.nextWindow().widthMillis()).isLessThan(quietWidth / 500);

    planner.onPage(planner.nextWindow(), 1); // quiet again

    // Not grown back eightfold at a time, nor planned from one call: straight to the quiet width.
    assertThat((double) planner.nextWindow().widthMillis()).isCloseTo(quietWidth, withPercentage(2));
  }

  @Test
  void aWindowThatStraddlesTheStartOfAKnownDensityIsFollowedByOneAimedAtThatDensity() {
    WindowPlanner planner = steady(50.0); // a burst
    long burstWidth = planner.nextWindow().widthMillis();
    answer(planner, 0.05, 0, 10); // then quiet
    planner.onPage(planner.nextWindow(), 1000); // another burst starts in this window
    Window half = planner.nextWindow();

    // Its first half ends in the burst: 600 calls, most of them in its last milliseconds.
    planner.onPage(half, 600);

    // Planned at the burst's density, not at the 600 calls spread over the whole half.
    assertThat((double) planner.nextWindow().widthMillis()).isCloseTo(burstWidth, withPercentage(2));
  }

  @Test
  void onPoissonDataACountFarAboveTheEstimateStartsAnotherDensity() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 1_000_000_000_000L, 1000, 1000);
    answer(planner, 0.25, 0, 20);

    long planned = lumpAfterAFullPage(planner);

    assertThat(planner.nextWindow().widthMillis()).isLessThan(planned * 65 / 100);
  }

  @Test
  void onLumpyDataALumpDoesNotShrinkTheWindows() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 1_000_000_000_000L, 1000, 1000);
    answer(planner, 0.25, 300, 20); // lumps of 300 calls in three windows of four

    long planned = lumpAfterAFullPage(planner);

    assertThat(planner.nextWindow().widthMillis()).isGreaterThan(planned * 75 / 100);
  }

  /** A full page, then its first half with 300 calls more than the density gives; the full width. */
  private static long lumpAfterAFullPage(WindowPlanner planner) {
    Window planned = planner.nextWindow();
    planner.onPage(planned, 1000);
    Window half = planner.nextWindow();
    planner.onPage(half, (int) Math.round(0.25 * half.widthMillis()) + 300);
    return planned.widthMillis();
  }

  @Test
  void aResponseToAnotherWindowIsRefused() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 1000, 100);
    Window stale = planner.nextWindow();
    planner.onPage(stale, 100);

    assertThatThrownBy(() -> planner.onPage(stale, 3)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void limitOutsideTheApiRangeIsRefused() {
    assertThatThrownBy(() -> WindowPlanner.forRange(T, T + 1, 1001))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
    assertThatThrownBy(() -> WindowPlanner.forRange(T, T + 1, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
  }

  /**
   * Whatever the answers, every response completes the pending window (the next one starts on its
   * edge) or narrows it from the same start to a strictly smaller width (or, at one millisecond,
   * asks it again at the largest limit, then fails): the windows tile the range and the walk ends.
   */
  @Test
  void anyAnswersTileTheRangeAndEndTheWalk() {
    Random random = new Random(20_260_101);
    int[] limits = {1, 10, 37, 100, 1000};
    for (int walk = 0; walk < 3000; walk++) {
      long span = random.nextInt(4) == 0 ? random.nextInt(5) : (long) Math.pow(10, 1 + random.nextDouble() * 9);
      int limit = limits[random.nextInt(limits.length)];
      double fullChance = random.nextDouble();
      WindowPlanner planner = random.nextBoolean()
          ? WindowPlanner.forRange(T, T + span, limit)
          : WindowPlanner.forRange(T, T + span, limit, 1 + random.nextInt(100_000));
      long covered = T;
      int fullsInARow = 0;
      Window previous = null;
      boolean previousFull = false;
      while (!planner.isDone()) {
        Window window = planner.nextWindow();
        assertThat(window.geMillis()).isEqualTo(covered);
        assertThat(window.leMillis()).isBetween(covered, T + span);
        if (previousFull) {
          boolean narrower = window.leMillis() < previous.leMillis() && window.limit() == limit;
          boolean escalated = window.leMillis() == previous.leMillis() && previous.widthMillis() <= 1
              && previous.limit() < WindowPlanner.MAX_LIMIT && window.limit() == WindowPlanner.MAX_LIMIT;
          assertThat(narrower || escalated).as("narrowed after a full page: %s then %s", previous, window).isTrue();
        } else {
          assertThat(window.limit()).isEqualTo(limit);
        }
        boolean full = random.nextDouble() < fullChance;
        int count = full ? window.limit() : random.nextInt(window.limit());
        try {
          previousFull = !planner.onPage(window, count);
        } catch (ClarionPagingException e) {
          assertThat(window.widthMillis()).isLessThanOrEqualTo(1);
          assertThat(window.limit()).isEqualTo(WindowPlanner.MAX_LIMIT);
          break;
        }
        previous = window;
        if (previousFull) {
          if (++fullsInARow > 70) {
            fail("no end to the narrowing of " + window);
          }
        } else {
          fullsInARow = 0;
          assertThat(window.leMillis() > covered || window.leMillis() == T + span).isTrue();
          covered = window.leMillis();
        }
      }
    }
  }

  /** A planner over a long range that has completed windows at {@code density} calls a millisecond. */
  private static WindowPlanner steady(double density) {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 1_000_000_000_000L, 1000, Math.round(900 / density));
    answer(planner, density, 0, 12);
    return planner;
  }

  /**
   * Answers the planner until {@code windows} windows complete: each holds what {@code density}
   * gives it, plus {@code lump} calls in three windows of four; a full page when that reaches 1000.
   */
  private static void answer(WindowPlanner planner, double density, int lump, int windows) {
    for (int completed = 0; completed < windows; ) {
      Window window = planner.nextWindow();
      long count = Math.round(density * window.widthMillis()) + (completed % 4 == 3 ? 0 : lump);
      if (count >= 1000) {
        assertThat(planner.onPage(window, 1000)).isFalse();
      } else {
        assertThat(planner.onPage(window, (int) count)).isTrue();
        completed++;
      }
    }
  }
}
