package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.ClarionPagingException;
import java.time.Instant;
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
  void aFullPageIsDiscardedAndTheWindowHalvedFromTheSameStart() {
    WindowPlanner planner = WindowPlanner.forRange(T, T + 1000, 100);

    assertThat(planner.onPage(planner.nextWindow(), 100)).isFalse();
    Window narrower = planner.nextWindow();

    assertThat(narrower.geMillis()).isEqualTo(T);
    assertThat(narrower.leMillis()).isEqualTo(T + 500);
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
    WindowPlanner planner = WindowPlanner.forRange(T, T + 8000, 1000);
    planner.onPage(planner.nextWindow(), 1000); // [T, T+8000] holds at least 1000
    planner.onPage(planner.nextWindow(), 0); // [T, T+4000] holds none: they are all in [T+4000, T+8000]

    Window next = planner.nextWindow();
    assertThat(next.geMillis()).isEqualTo(T + 4000);
    assertThat(next.leMillis()).isEqualTo(T + 6000); // half of the rest, not eight times wider
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
}
