package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.CallQuery;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallQueryTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-02T00:00:00Z");

  @Test
  void fromAfterToIsRefusedNamingBoth() {
    assertThatThrownBy(() -> CallQuery.between(TO, FROM))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from")
        .hasMessageContaining("to");
  }

  @Test
  void nullsAndOutOfRangeValuesAreRefusedNamingTheField() {
    assertThatThrownBy(() -> CallQuery.between(null, TO)).hasMessage("from == null");
    assertThatThrownBy(() -> CallQuery.since(Instant.EPOCH.minusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("from ");
    assertThatThrownBy(() -> CallQuery.between(FROM, TO).pageSize(1001))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pageSize ");
    assertThatThrownBy(() -> CallQuery.between(FROM, TO).pageSize(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("pageSize ");
    assertThatThrownBy(() -> CallQuery.between(FROM, TO).concurrency(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("concurrency ");
    assertThatThrownBy(() -> CallQuery.resumeFrom("garbage"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("cursor ");
  }

  @Test
  void anOpenRangeEndsAtTheMomentTheStreamStarts() {
    PagingPlan plan = PagingPlan.of(CallQuery.since(FROM), TO.plusNanos(1));

    Window window = plan.head().nextWindow();
    assertThat(window.createdAtGe()).isEqualTo(FROM);
    assertThat(window.createdAtLe()).isEqualTo(TO.plusMillis(1)); // rounded up to the millisecond
  }

  @Test
  void aboveConcurrencyOneTheRestOfTheRangeIsCutIntoSlotsThatShareTheirEdges() {
    PagingPlan plan = PagingPlan.of(CallQuery.between(FROM, TO).concurrency(4), TO);
    WindowPlanner head = plan.head();
    Window first = head.nextWindow();
    // The whole range held too much: narrowed, then a window of 999 calls completes, so the rest (as
    // wide as that window) needs more than one page.
    assertThat(head.onPage(first, FetchedPage.full(1000, 0))).isNull();
    Window second = head.nextWindow();
    CompletedWindow completed = head.onPage(second, FetchedPage.of(999, java.util.Collections.nCopies(999, null)));
    assertThat(completed).isNotNull();

    Frontier frontier = plan.frontierAfter(completed);
    long previousEnd = second.leMillis();
    WindowPlanner slot;
    int slots = 0;
    while ((slot = frontier.nextSlot()) != null) {
      Window window = slot.nextWindow();
      assertThat(window.geMillis()).isEqualTo(previousEnd);
      assertThat(window.leMillis()).isGreaterThan(window.geMillis());
      // About a page wide at the density seen: a little narrower than the window that held 999.
      assertThat(window.widthMillis()).isLessThanOrEqualTo(second.widthMillis());
      previousEnd = window.leMillis();
      slots++;
    }
    assertThat(previousEnd).isEqualTo(TO.toEpochMilli());
    assertThat(slots).isGreaterThan(1);
  }
}
