package com.clarionhealth.client.contract;

import static com.clarionhealth.client.contract.ContractSupport.BEARER;
import static com.clarionhealth.client.contract.ContractSupport.CALLS;
import static com.clarionhealth.client.contract.ContractSupport.NOW;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionPagingException;
import com.clarionhealth.client.contract.FakeCallsServer.Asked;
import com.clarionhealth.client.contract.FakeCallsServer.Created;
import com.clarionhealth.client.model.Call;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code stream} and {@code pages} against a stateful fake list endpoint: every call of the range
 * exactly once, lazily, resumable. A server per test: a request a cut-short stream may have left in
 * flight can never be counted in the next test.
 */
public abstract class StreamContract extends ClientContract {
  @RegisterExtension
  protected final FakeApi api = new FakeApi();

  protected static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  protected static final Instant END = T0.plus(Duration.ofDays(1));
  protected static final CallQuery DAY = CallQuery.between(T0, END);

  @BeforeEach
  void serveTheFake() {
    api.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withTransformers(FakeCallsServer.NAME)));
  }

  /**
   * 1000 calls spread over the day on whole milliseconds (so some sit on window edges), 1500 within two
   * seconds at microsecond precision (a burst that forces windows to split), calls on both bounds, and
   * calls just outside the range.
   */
  protected static List<Created> spreadAndBurst() {
    Random random = new Random(42);
    List<Created> calls = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < 1000; i++) {
      calls.add(new Created(T0.plusMillis((long) (random.nextDouble() * 86_400_000L)), id++));
    }
    Instant burst = T0.plus(Duration.ofHours(10));
    for (int i = 0; i < 1500; i++) {
      calls.add(new Created(burst.plusNanos(1000L * random.nextInt(2_000_000)), id++));
    }
    calls.add(new Created(T0, id++)); // on both bounds: inclusive
    calls.add(new Created(END, id++));
    calls.add(new Created(T0.minusNanos(1000), -1));
    calls.add(new Created(END.plusNanos(1000), -2));
    calls.add(new Created(END.plusMillis(1), -3));
    return calls;
  }

  /** Five calls on every millisecond of half a second: every window edge has calls on it. */
  static List<Created> callsOnEveryEdge() {
    List<Created> calls = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      calls.add(new Created(T0.plusMillis(i % 500), 10_000 + i));
    }
    return calls;
  }

  /** 300 calls a minute apart from T0. */
  protected static List<Created> oneAMinute() {
    List<Created> data = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      data.add(new Created(T0.plusSeconds(60L * i), i + 1));
    }
    return data;
  }

  static List<Long> ids(List<Call> calls) {
    return calls.stream().map(Call::getId).toList();
  }

  static List<Long> idsOf(List<CallPage> pages) {
    return pages.stream().flatMap(p -> p.calls().stream()).map(Call::getId).toList();
  }

  static void assertContiguous(List<CallPage> pages, Instant from, Instant to) {
    assertThat(pages.get(0).windowStart()).isEqualTo(from);
    assertThat(pages.get(pages.size() - 1).windowEnd()).isEqualTo(to);
    for (int i = 1; i < pages.size(); i++) {
      // adjacent windows share their edge instant; the deduplicator drops what they share
      assertThat(pages.get(i).windowStart()).isEqualTo(pages.get(i - 1).windowEnd());
    }
  }

  /** Each call of each page was created within the page's window. */
  void assertWithinTheirWindows(List<CallPage> pages) {
    for (CallPage page : pages) {
      for (Call call : page.calls()) {
        assertThat(api.calls().createdAt(call.getId())).isBetween(page.windowStart(), page.windowEnd());
      }
    }
  }

  @Test
  void streamDeliversEveryCallOfTheRangeExactlyOnceInAscendingWindows() {
    api.calls().reset(spreadAndBurst());
    ClientDriver client = connect(api.config());

    List<Long> ids = ids(client.stream(DAY));

    assertThat(ids).hasSize(2502).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(api.calls().idsWithin(T0, END));
    List<Asked> asked = api.calls().asked();
    assertThat(api.served()).hasSize(asked.size());
    // at least ceil(2502 / 1000) pages; the burst costs a binary search, not a crawl
    assertThat(asked.size()).isBetween(3, 30);
    assertThat(asked).anySatisfy(a -> assertThat(a.full()).isTrue()); // the burst split a window
    assertThat(asked).allSatisfy(a -> assertThat(a.limit()).isEqualTo(1000));
    assertThat(asked.get(0).ge()).isEqualTo(T0);
    assertThat(asked.get(asked.size() - 1).le()).isEqualTo(END);
    for (int i = 1; i < asked.size(); i++) {
      assertThat(asked.get(i).ge()).isAfterOrEqualTo(asked.get(i - 1).ge());
      assertThat(asked.get(i).le()).isAfterOrEqualTo(asked.get(i).ge());
    }
    api.verify(asked.size(), getRequestedFor(urlPathEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withQueryParam("limit", equalTo("1000")));
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void theFirstRequestIsTheWholeRangeOnTheWire() {
    api.calls().reset(List.of(new Created(T0.plusSeconds(1), 1)));
    ClientDriver client = connect(api.config());

    assertThat(ids(client.stream(DAY))).containsExactly(1L);

    assertThat(api.served()).singleElement().satisfies(e -> assertThat(e.getRequest().getUrl())
        .isEqualTo(CALLS + "?limit=1000&createdAtGe=2026-01-01T00%3A00%3A00.000Z"
            + "&createdAtLe=2026-01-02T00%3A00%3A00.000Z"));
  }

  @Test
  void pagesAreContiguousCompletedWindowsCoveringTheRange() {
    api.calls().reset(spreadAndBurst());
    ClientDriver client = connect(api.config());

    List<CallPage> pages = client.pages(DAY).all();

    assertContiguous(pages, T0, END);
    assertThat(pages).allSatisfy(p -> assertThat(p.calls()).hasSizeLessThan(1000));
    assertThat(idsOf(pages)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(api.calls().idsWithin(T0, END));
    assertWithinTheirWindows(pages);
    List<Asked> asked = api.calls().asked();
    // a page is only handed out for a window whose answer was short, so complete
    assertThat(asked.stream().filter(a -> !a.full()).count()).isEqualTo(pages.size());
    // and says how many exchanges it took, the discarded full pages included
    assertThat(pages.stream().mapToInt(CallPage::requests).sum()).isEqualTo(asked.size());
    assertThat(pages).anySatisfy(p -> assertThat(p.requests()).isGreaterThan(1));
    api.verify(asked.size(), getRequestedFor(urlPathEqualTo(CALLS)));
  }

  @Test
  void aStreamCutShortSendsOneRequest() {
    api.calls().reset(oneAMinute());
    ClientDriver client = connect(api.config());

    List<Long> ids = ids(client.stream(DAY, 5));

    assertThat(ids).containsExactly(300L, 299L, 298L, 297L, 296L); // server order: newest first
    api.verify(1, getRequestedFor(urlPathEqualTo(CALLS))
        .withQueryParam("limit", equalTo("1000"))
        .withQueryParam("createdAtGe", equalTo("2026-01-01T00:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-01-02T00:00:00.000Z")));
    assertThat(api.served()).hasSize(1);
  }

  @Test
  void aStreamCutShortAcrossAFullPageSendsOnlyTheRequestsOfItsFirstWindow() {
    api.calls().reset(spreadAndBurst());
    ClientDriver client = connect(api.config());

    assertThat(client.stream(DAY, 5)).hasSize(5);

    List<Asked> asked = api.calls().asked();
    // the whole day is full, so it is narrowed until a window is short; then nothing more
    assertThat(asked.subList(0, asked.size() - 1)).allSatisfy(a -> assertThat(a.full()).isTrue());
    assertThat(asked.get(asked.size() - 1).full()).isFalse();
    assertThat(api.served()).hasSize(asked.size());
  }

  @Test
  void nothingIsSentUntilAStreamOrPagesAreConsumed() {
    api.calls().reset(spreadAndBurst());
    ClientDriver client = connect(api.config());

    client.streamUnconsumed(DAY);
    client.pages(DAY).prepare();
    // One request that is consumed, after them: a stream or pages that sent at once would have been
    // sent before it (no sleeping for a request that should not come).
    client.stream(CallQuery.between(T0, T0.plusSeconds(1)));

    assertThat(api.timeline().events()).singleElement().asString().contains("createdAtLe=2026-01-01T00%3A00%3A01.000Z");
  }

  @Test
  void theStreamIsExactlyOnceEvenWhenEveryEdgeHasCalls() {
    api.calls().reset(callsOnEveryEdge());
    ClientDriver client = connect(api.config());

    List<Long> ids = ids(client.stream(CallQuery.between(T0, T0.plusMillis(499)).pageSize(100)));

    assertThat(ids).hasSize(2500).doesNotHaveDuplicates();
    api.verify(api.calls().asked().size(), getRequestedFor(urlPathEqualTo(CALLS)).withQueryParam("limit", equalTo("100")));
  }

  @Test
  void pagesAreExactlyOnceEvenWhenEveryEdgeHasCalls() {
    api.calls().reset(callsOnEveryEdge());
    Instant to = T0.plusMillis(499);
    ClientDriver client = connect(api.config());

    List<CallPage> pages = client.pages(CallQuery.between(T0, to).pageSize(100)).all();

    assertContiguous(pages, T0, to);
    assertThat(idsOf(pages)).hasSize(2500).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(api.calls().idsWithin(T0, to));
    assertThat(api.calls().asked()).allSatisfy(a -> assertThat(a.limit()).isEqualTo(100));
  }

  @Test
  void pagesResumeFromACursorOnANewClientWithoutLossOrDuplicates() {
    api.calls().reset(callsOnEveryEdge());
    Instant to = T0.plusMillis(499);
    CallQuery query = CallQuery.between(T0, to).pageSize(100);
    ClientDriver client = connect(api.config());

    List<CallPage> firstTwo = client.pages(query).first(2);
    int requestsBeforeResuming = api.calls().asked().size();
    ClientDriver another = connect(api.config());
    List<CallPage> rest = another.pages(CallQuery.resumeFrom(firstTwo.get(1).cursor())).all();

    List<Long> all = new ArrayList<>(idsOf(firstTwo));
    all.addAll(idsOf(rest));
    assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(api.calls().idsWithin(T0, to));
    // the resumed walk starts where page two ended, at the page size the cursor carries
    List<Asked> asked = api.calls().asked();
    assertThat(asked.get(requestsBeforeResuming).ge()).isEqualTo(firstTwo.get(1).windowEnd());
    assertThat(asked.subList(requestsBeforeResuming, asked.size())).allSatisfy(a -> assertThat(a.limit()).isEqualTo(100));
    assertThat(rest.get(rest.size() - 1).windowEnd()).isEqualTo(to);
    assertThat(api.served()).hasSize(asked.size());
  }

  @Test
  void eachWalkOfPagesStartsAfreshAndTheLastCursorResumesToNothing() {
    api.calls().reset(spreadAndBurst());
    ClientDriver client = connect(api.config());
    ClientDriver.Pages pages = client.pages(DAY);

    List<CallPage> first = pages.all();
    int oneWalk = api.served().size();
    List<CallPage> second = pages.all();

    assertThat(api.served()).hasSize(2 * oneWalk);
    assertThat(second).extracting(CallPage::cursor).containsExactlyElementsOf(first.stream().map(CallPage::cursor).toList());
    String last = first.get(first.size() - 1).cursor();
    assertThat(client.stream(CallQuery.resumeFrom(last))).isEmpty();
    assertThat(client.pages(CallQuery.resumeFrom(last)).all()).isEmpty();
    assertThat(api.served()).hasSize(2 * oneWalk);
  }

  /** A clock that moves a minute each time it is read: a client reading it twice would show it. */
  static Clock ticking() {
    AtomicInteger reads = new AtomicInteger();
    return new Clock() {
      @Override
      public Instant instant() {
        return NOW.plus(Duration.ofMinutes(reads.getAndIncrement()));
      }

      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void sinceEndsAtTheClocksInstantTakenOnceWhenTheWalkStarts() {
    List<Created> data = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      data.add(new Created(NOW.minusSeconds(i), i + 1)); // 1500 calls in the last 25 minutes
    }
    data.add(new Created(NOW.plusSeconds(30), 9999)); // created after the walk started
    api.calls().reset(data);
    ClientDriver client = connect(api.config().clock(ticking()));

    List<Long> ids = ids(client.stream(CallQuery.since(NOW.minus(Duration.ofHours(1)))));

    assertThat(ids).hasSize(1500).doesNotHaveDuplicates().doesNotContain(9999L);
    api.verify(getRequestedFor(urlPathEqualTo(CALLS))
        .withQueryParam("createdAtGe", equalTo("2026-03-01T11:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-03-01T12:00:00.000Z")));
    assertThat(api.served().get(0).getRequest().queryParameter("createdAtLe").firstValue())
        .isEqualTo("2026-03-01T12:00:00.000Z");
    assertThat(api.calls().asked()).allSatisfy(a -> assertThat(a.le()).isBeforeOrEqualTo(NOW));
    assertThat(api.calls().asked().get(api.calls().asked().size() - 1).le()).isEqualTo(NOW);
  }

  @Test
  void sincePagesEndAtTheClocksInstantTakenOnceWhenTheWalkStarts() {
    Instant from = NOW.minus(Duration.ofHours(1));
    api.calls().reset(List.of(
        new Created(from, 1),
        new Created(NOW.minusSeconds(1), 2),
        new Created(NOW, 3),
        new Created(NOW.plusMillis(1), 4))); // after the fixed end: not this walk's
    ClientDriver client = connect(api.config().clock(ticking()));

    List<CallPage> pages = client.pages(CallQuery.since(from)).all();

    assertThat(idsOf(pages)).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(pages.get(pages.size() - 1).windowEnd()).isEqualTo(NOW);
    assertThat(api.calls().asked()).allSatisfy(a -> assertThat(a.le()).isBeforeOrEqualTo(NOW));
    api.verify(1, getRequestedFor(urlPathEqualTo(CALLS))
        .withQueryParam("createdAtGe", equalTo("2026-03-01T11:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-03-01T12:00:00.000Z")));
  }

  @Test
  void aThousandCallsInOneMillisecondStopTheStreamAfterTheCallsBeforeThem() {
    Instant crowded = T0.plusSeconds(3600).plusMillis(5);
    List<Created> data = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      data.add(new Created(T0.plusSeconds(30L * i), i + 1)); // before the crowded millisecond
    }
    for (int i = 0; i < 1000; i++) {
      data.add(new Created(crowded.plusNanos(i * 100L), 100_000 + i)); // all within one ms, one on its edge
    }
    data.add(new Created(crowded.plusSeconds(5), 7_000)); // after it: never reached
    api.calls().reset(data);
    ClientDriver client = connect(api.config());
    List<Long> delivered = new CopyOnWriteArrayList<>();

    ClarionPagingException e = catchThrowableOfType(ClarionPagingException.class,
        () -> client.stream(DAY, call -> delivered.add(call.getId())));

    // the narrowest window: two adjacent milliseconds, as windows share their edge instant
    assertThat(e.instant()).isEqualTo(crowded);
    assertThat(e.windowEnd()).isEqualTo(crowded.plusMillis(1));
    assertThat(e.limit()).isEqualTo(1000);
    assertThat(e.getMessage()).contains(crowded.toString());
    // what came before is correct and once: every call up to the crowded millisecond's edge
    assertThat(delivered).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(api.calls().idsWithin(T0, crowded));
    List<Asked> asked = api.calls().asked();
    Asked last = asked.get(asked.size() - 1);
    assertThat(last.ge()).isEqualTo(crowded);
    assertThat(last.returned()).isEqualTo(1000);
    assertThat(api.served()).hasSize(asked.size());
    assertThat(client.waits()).isEmpty();
  }

  @Test
  void aFailureInTheMiddleOfAStreamIsRetriedAndTheStreamCarriesOn() {
    api.calls().reset(spreadAndBurst());
    api.calls().unavailableOnRequest(3);
    ClientDriver client = connect(api.config());

    List<Long> ids = ids(client.stream(DAY));

    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(api.calls().idsWithin(T0, END));
    assertThat(client.waits()).containsExactly(Duration.ofMillis(250));
    List<ServeEvent> served = api.served();
    assertThat(served).hasSize(api.calls().asked().size() + 1);
    assertThat(served.get(2).getResponse().getStatus()).isEqualTo(503);
    // the retry asks for the very window that failed
    assertThat(served.get(3).getRequest().getUrl()).isEqualTo(served.get(2).getRequest().getUrl());
  }

  @Test
  void aNullElementInAPageIsSkipped() {
    api.stubFor(get(urlPathEqualTo(CALLS)).atPriority(1).willReturn(
        okJson("[" + ContractSupport.callJson(1) + ",null," + ContractSupport.callJson(2) + "]")));
    ClientDriver client = connect(api.config());

    List<CallPage> pages = client.pages(DAY).all();

    assertThat(pages).singleElement().satisfies(p -> assertThat(p.calls()).extracting(Call::getId).containsExactly(1L, 2L));
    api.verify(1, getRequestedFor(urlPathEqualTo(CALLS)));
  }

  @Test
  void concurrencyFourYieldsTheSameCallsInWindowOrder() {
    api.calls().reset(spreadAndBurst());
    ClientDriver client = connect(api.config());
    List<Long> sequential = ids(client.stream(DAY));
    api.calls().forgetAsked();

    List<CallPage> pages = client.pages(DAY.concurrency(4)).all();

    assertThat(idsOf(pages)).hasSize(2502).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sequential);
    assertContiguous(pages, T0, END);
    assertWithinTheirWindows(pages);
    // After the head's first window, the rest is cut into slots about a page wide, asked for 4 at a
    // time: every window asked for starts where another ended (no gap, no overlap beyond an edge).
    assertThat(api.calls().asked()).allSatisfy(a -> assertThat(a.ge()).isBetween(T0, END));
    assertThat(ids(client.stream(DAY.concurrency(4)))).containsExactlyElementsOf(idsOf(pages));
  }

  @Test
  void aRetryAfterSeenByOneSlotPausesTheWholeStream() {
    api.calls().reset(spreadAndBurst());
    ClientDriver client = connect(api.config());
    List<Long> expected = ids(client.stream(DAY));
    api.calls().reset(spreadAndBurst());
    api.timeline().reset();
    api.calls().rateLimitedOnRequest(8, 2); // past the head's first window: one of the slots

    List<CallPage> pages = client.pages(DAY.concurrency(4)).all();

    assertThat(idsOf(pages)).hasSize(expected.size()).containsExactlyInAnyOrderElementsOf(expected);
    // The clock is fixed, so the pause never ends for the client: every request sent after the 429
    // first waits the 2 s, except those already on their way when it came (at most the 3 other slots).
    List<String> events = api.timeline().events();
    int first = events.indexOf("wait 2000 ms");
    assertThat(first).isPositive();
    long gets = events.subList(first, events.size()).stream().filter(e -> e.startsWith("GET")).count();
    long waits = events.stream().filter(e -> e.equals("wait 2000 ms")).count();
    assertThat(gets).isGreaterThan(10);
    assertThat(waits).isGreaterThanOrEqualTo(gets - 3);
    assertThat(client.waits()).containsOnly(Duration.ofSeconds(2));
  }

  @Test
  void aStreamWithNoRoomAheadStillDeliversEveryCallOnce() {
    api.calls().reset(spreadAndBurst());
    ClientDriver client = connect(api.config());
    List<Long> sequential = ids(client.stream(DAY));

    List<CallPage> pages = connect(api.config().maxBytesAhead(0)).pages(DAY.concurrency(4)).all();

    assertThat(idsOf(pages)).hasSize(sequential.size()).containsExactlyInAnyOrderElementsOf(sequential);
    assertContiguous(pages, T0, END);
  }

  @Test
  void concurrentSegmentsNeverLoseAWindow() {
    List<Created> data = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      data.add(new Created(T0.plus(Duration.ofMinutes(30L * i + 7)), i + 1));
    }
    api.calls().reset(data);
    List<Long> expected = api.calls().idsWithin(T0, END);
    ClientDriver client = connect(api.config());

    // a race between a window's answer and the demand for it lost whole pages once: try it often
    for (int i = 0; i < 60; i++) {
      List<CallPage> pages = client.pages(DAY.concurrency(4)).all();
      assertThat(idsOf(pages)).as("attempt %d", i).containsExactlyInAnyOrderElementsOf(expected);
      assertContiguous(pages, T0, END);
    }
  }
}
