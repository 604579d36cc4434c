package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When a stream's next request may go: places, the budget, the head's priority, slot order. */
class FetchAheadTest {
  private static final int LIMIT = 100;
  private final AtomicInteger roomCalls = new AtomicInteger();

  /** Budget and bytes in units where a full page (100 calls of 10 bytes) is 1000. */
  private FetchAhead ahead(int concurrency, long budget) {
    FetchAhead ahead = new FetchAhead(concurrency, budget, LIMIT, roomCalls::incrementAndGet);
    ahead.learn(1000, 100); // 10 bytes a call: a full page is 1000 bytes
    return ahead;
  }

  private static FetchedPage page(int calls) {
    return FetchedPage.of(calls, new ArrayList<>(Collections.nCopies(calls, null)), calls * 10L);
  }

  @Test
  void atMostConcurrencyRequestsAreInFlightWhateverTheirSlots() {
    FetchAhead ahead = ahead(2, 1_000_000);
    FetchAhead.Ticket a = ahead.request(0);
    FetchAhead.Ticket b = ahead.request(0); // the same slot's next request, or another's: one place each
    FetchAhead.Ticket c = ahead.request(1);
    assertThat(a.granted()).isDone();
    assertThat(b.granted()).isDone();
    assertThat(c.granted()).isNotDone();
    assertThat(ahead.mayStartSlot(2)).isFalse();

    a.done(page(50), true);

    assertThat(c.granted()).isDone();
    assertThat(roomCalls).hasPositiveValue();
  }

  @Test
  void pagesHeldAheadAndRequestsInFlightShareOneBudget() {
    FetchAhead ahead = ahead(8, 3000); // three full pages
    FetchAhead.Ticket first = ahead.request(1);
    FetchAhead.Ticket second = ahead.request(2);
    FetchAhead.Ticket third = ahead.request(3);
    assertThat(List.of(first, second, third)).allSatisfy(t -> assertThat(t.granted()).isDone());
    assertThat(ahead.request(4).granted()).as("a fourth full page would not fit").isNotDone();

    first.done(page(100), false); // a full page, discarded: frees its room
    second.done(page(90), true); // 900 bytes held until the consumer takes them
    third.done(page(90), true);

    // held 1800 + one request in flight 1000 fits; the waiting ticket got it
    assertThat(ahead.mayStartSlot(5)).isFalse();
    ahead.taken(900);
    ahead.taken(900);
    assertThat(ahead.mayStartSlot(5)).isTrue();
  }

  @Test
  void theSlotTheConsumerWaitsForIsNeverRefusedForTheBudget() {
    FetchAhead ahead = ahead(4, 0); // no room ahead at all
    assertThat(ahead.mayStartSlot(0)).isTrue();
    FetchAhead.Ticket head = ahead.request(0);
    assertThat(head.granted()).isDone();
    assertThat(ahead.mayStartSlot(1)).isFalse();
    FetchAhead.Ticket next = ahead.request(1);
    assertThat(next.granted()).isNotDone();

    head.done(page(10), true);
    ahead.slotDelivered(0);

    assertThat(next.granted()).as("slot 1 is the head now").isDone();
  }

  @Test
  void placesGoToWaitingRequestsInSlotOrder() {
    FetchAhead ahead = ahead(1, 1_000_000);
    FetchAhead.Ticket running = ahead.request(0);
    FetchAhead.Ticket late = ahead.request(3);
    FetchAhead.Ticket early = ahead.request(1);
    FetchAhead.Ticket jumping = ahead.request(2);

    running.done(page(10), true);
    assertThat(early.granted()).isDone();
    assertThat(jumping.granted()).isNotDone();
    early.done(page(10), true);
    assertThat(jumping.granted()).isDone();
    assertThat(late.granted()).isNotDone();
  }

  @Test
  void aCancelledTicketIsWithdrawnAndDoneCountsOnce() {
    FetchAhead ahead = ahead(1, 1_000_000);
    FetchAhead.Ticket running = ahead.request(0);
    FetchAhead.Ticket withdrawn = ahead.request(1);
    FetchAhead.Ticket next = ahead.request(2);
    withdrawn.cancel();

    running.done(page(10), true);
    running.done(page(10), true); // a second report frees nothing more
    running.cancel();

    assertThat(withdrawn.granted()).isNotDone();
    assertThat(next.granted()).isDone();
    assertThat(ahead.request(3).granted()).as("the one place is taken by slot 2").isNotDone();
  }

  @Test
  void slotsRunAheadAtMostFourPerRequestInFlightEvenWhenPagesAreTiny() {
    FetchAhead ahead = ahead(2, Long.MAX_VALUE);
    assertThat(ahead.mayStartSlot(7)).isTrue();
    assertThat(ahead.mayStartSlot(8)).isFalse();
    ahead.slotDelivered(0);
    assertThat(ahead.mayStartSlot(8)).isTrue();
    ahead.close();
    assertThat(ahead.mayStartSlot(5)).isFalse();
    assertThat(ahead.request(5).granted()).isNotDone();
  }
}
