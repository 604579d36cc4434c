package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.model.Call;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pages a user sees: deduplicated at the edges, each call's text (when asked for) kept with it. */
class PageAssemblerTest {
  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-01-01T00:00:10Z");

  private static CompletedWindow completed(WindowPlanner planner, List<Long> ids, boolean rawJson) {
    Window window = planner.nextWindow();
    List<Call> calls = ids.stream().map(id -> new Call().id(id)).toList();
    List<String> texts = ids.stream().map(id -> "{\"id\":" + id + "}").toList();
    return planner.onPage(window, rawJson
        ? FetchedPage.withRawJson(ids.size(), calls, texts, 0)
        : FetchedPage.of(ids.size(), calls, 0));
  }

  @Test
  void aCallOnTheSharedEdgeIsDeliveredOnceAndItsTextGoesWithIt() {
    PagingPlan plan = PagingPlan.of(CallQuery.between(FROM, TO).pageSize(3).withRawJson(), TO);
    WindowPlanner head = plan.head();
    PageAssembler assembler = plan.assembler();
    // The whole range is full, then narrowed windows complete; the second repeats id 2, created on the edge they share.
    Window whole = head.nextWindow();
    assertThat(head.onPage(whole, FetchedPage.full(3, 0))).isNull();

    CallPage first = assembler.page(completed(head, List.of(1L, 2L), true));
    CallPage second = assembler.page(completed(head, List.of(2L, 4L), true));

    assertThat(first.calls()).extracting(Call::getId).containsExactly(1L, 2L);
    assertThat(first.rawJson()).containsExactly("{\"id\":1}", "{\"id\":2}");
    assertThat(second.calls()).extracting(Call::getId).containsExactly(4L);
    assertThat(second.rawJson()).containsExactly("{\"id\":4}");
  }

  @Test
  void withoutRawJsonThePagesHaveNone() {
    PagingPlan plan = PagingPlan.of(CallQuery.between(FROM, TO), TO);
    CallPage page = plan.assembler().page(completed(plan.head(), List.of(1L), false));

    assertThat(page.calls()).extracting(Call::getId).containsExactly(1L);
    assertThat(CallQuery.between(FROM, TO).rawJson()).isFalse();
    assertThat(CallQuery.between(FROM, TO).withRawJson().concurrency(2).pageSize(5).rawJson()).isTrue();
    assertThat(CallQuery.resumeFrom(page.cursor()).withRawJson().rawJson()).isTrue();
  }
}
