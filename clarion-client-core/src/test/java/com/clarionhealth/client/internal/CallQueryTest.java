package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.CallQuery;
import java.time.Instant;
import java.util.List;
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

    List<WindowPlanner> segments = plan.segments();
    Window window = segments.get(0).nextWindow();
    assertThat(window.createdAtGe()).isEqualTo(FROM);
    assertThat(window.createdAtLe()).isEqualTo(TO.plusMillis(1)); // rounded up to the millisecond
  }

  @Test
  void concurrencyCutsTheRangeIntoSegmentsThatShareTheirEdges() {
    List<WindowPlanner> segments = PagingPlan.of(CallQuery.between(FROM, TO).concurrency(4), TO).segments();

    assertThat(segments).hasSize(4);
    for (int i = 1; i < segments.size(); i++) {
      Window previous = segments.get(i - 1).nextWindow();
      assertThat(segments.get(i).nextWindow().geMillis()).isEqualTo(previous.leMillis());
    }
    assertThat(segments.get(3).nextWindow().createdAtLe()).isEqualTo(TO);
  }
}
