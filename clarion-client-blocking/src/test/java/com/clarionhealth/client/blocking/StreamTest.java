package com.clarionhealth.client.blocking;

import com.clarionhealth.client.internal.Seams;
import static com.clarionhealth.client.blocking.TestSupport.BEARER;
import static com.clarionhealth.client.blocking.TestSupport.CALLS;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionPagingException;
import com.clarionhealth.client.blocking.FakeCallsServer.Asked;
import com.clarionhealth.client.blocking.FakeCallsServer.Created;
import com.clarionhealth.client.blocking.TestSupport.RecordingSleeper;
import com.clarionhealth.client.model.Call;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code stream} and {@code pages} against a stateful fake list endpoint: every call once, lazily. */
class StreamTest {
  static final FakeCallsServer fake = new FakeCallsServer();

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(TestSupport.loopback().extensions(fake)).build();

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant END = T0.plus(Duration.ofDays(1));
  static final CallQuery DAY = CallQuery.between(T0, END);

  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final ClarionClient client = TestSupport.client(server, sleeper).build();

  @BeforeEach
  void serveTheFake() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withTransformers(FakeCallsServer.NAME)));
  }

  /**
   * 1000 calls spread over the day on whole milliseconds (so some sit on window edges), 1500 within two
   * seconds (a burst that forces the window to split), and calls just outside the range.
   */
  static List<Created> spreadAndBurst() {
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

  static List<Long> idsWithin(List<Created> calls, Instant from, Instant to) {
    return calls.stream().filter(c -> !c.at().isBefore(from) && !c.at().isAfter(to)).map(Created::id).toList();
  }

  @Test
  void streamDeliversEveryCallOfTheRangeExactlyOnceInAscendingWindows() {
    List<Created> data = spreadAndBurst();
    fake.reset(data);

    List<Long> ids = client.calls().stream(DAY).map(Call::getId).toList();

    assertThat(ids).hasSize(2502).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(idsWithin(data, T0, END));
    List<Asked> asked = fake.asked;
    assertThat(server.getAllServeEvents()).hasSize(asked.size());
    // at least ceil(2502 / 1000) pages; the burst costs a binary search, not a crawl
    assertThat(asked.size()).isBetween(3, 30);
    assertThat(asked).anySatisfy(a -> assertThat(a.returned()).isEqualTo(a.limit())); // the burst split a window
    assertThat(asked).allSatisfy(a -> assertThat(a.limit()).isEqualTo(1000));
    assertThat(asked.get(0).ge()).isEqualTo(T0);
    assertThat(asked.get(asked.size() - 1).le()).isEqualTo(END);
    for (int i = 1; i < asked.size(); i++) {
      assertThat(asked.get(i).ge()).isAfterOrEqualTo(asked.get(i - 1).ge());
      assertThat(asked.get(i).le()).isAfterOrEqualTo(asked.get(i).ge());
    }
    server.verify(asked.size(), getRequestedFor(urlPathEqualTo(CALLS))
        .withHeader("Authorization", equalTo(BEARER))
        .withQueryParam("limit", equalTo("1000")));
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void pagesAreContiguousCompletedWindowsCoveringTheRange() {
    List<Created> data = spreadAndBurst();
    fake.reset(data);

    List<CallPage> pages = new ArrayList<>();
    client.calls().pages(DAY).forEach(pages::add);

    assertThat(pages.get(0).windowStart()).isEqualTo(T0);
    assertThat(pages.get(pages.size() - 1).windowEnd()).isEqualTo(END);
    for (int i = 1; i < pages.size(); i++) {
      assertThat(pages.get(i).windowStart()).isEqualTo(pages.get(i - 1).windowEnd());
    }
    assertThat(pages).allSatisfy(p -> assertThat(p.calls()).hasSizeLessThan(1000));
    assertThat(pages.stream().flatMap(p -> p.calls().stream()).map(Call::getId).toList())
        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(idsWithin(data, T0, END));
    // a page is only handed out for a window whose answer was short, so complete
    assertThat(fake.asked.stream().filter(a -> a.returned() < a.limit()).count()).isEqualTo(pages.size());
    // and says how many exchanges it took, the discarded full pages included
    assertThat(pages.stream().mapToInt(CallPage::requests).sum()).isEqualTo(fake.asked.size());
    assertThat(pages).anySatisfy(p -> assertThat(p.requests()).isGreaterThan(1));
    server.verify(fake.asked.size(), getRequestedFor(urlPathEqualTo(CALLS)));
  }

  @Test
  void aStreamCutShortSendsOneRequest() {
    List<Created> data = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      data.add(new Created(T0.plusSeconds(60L * i), i + 1));
    }
    fake.reset(data);

    List<Long> ids = client.calls().stream(DAY).limit(5).map(Call::getId).toList();

    assertThat(ids).containsExactly(300L, 299L, 298L, 297L, 296L); // server order: newest first
    server.verify(1, getRequestedFor(urlPathEqualTo(CALLS))
        .withQueryParam("limit", equalTo("1000"))
        .withQueryParam("createdAtGe", equalTo("2026-01-01T00:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-01-02T00:00:00.000Z")));
    assertThat(server.getAllServeEvents()).hasSize(1);
  }

  @Test
  void nothingIsSentUntilAStreamOrPagesAreConsumed() {
    fake.reset(spreadAndBurst());

    try (Stream<Call> stream = client.calls().stream(DAY)) {
      stream.map(Call::getId).filter(id -> id > 0); // intermediate operations only
    }
    Iterable<CallPage> pages = client.calls().pages(DAY);
    pages.iterator(); // an iterator that was never asked for a page

    assertThat(server.getAllServeEvents()).isEmpty();
  }

  /** Five calls on every millisecond of half a second: every window edge has calls on it. */
  static List<Created> callsOnEveryEdge() {
    List<Created> calls = new ArrayList<>();
    for (int i = 0; i < 2500; i++) {
      calls.add(new Created(T0.plusMillis(i % 500), 10_000 + i));
    }
    return calls;
  }

  @Test
  void pagesResumeFromACursorOnANewClientWithoutLossOrDuplicates() {
    List<Created> data = callsOnEveryEdge();
    fake.reset(data);
    CallQuery query = CallQuery.between(T0, T0.plusMillis(499)).pageSize(100);

    Iterator<CallPage> first = client.calls().pages(query).iterator();
    CallPage one = first.next();
    CallPage two = first.next();
    int requestsBeforeResuming = server.getAllServeEvents().size();
    ClarionClient another = TestSupport.client(server, new RecordingSleeper()).build();
    List<Long> rest = new ArrayList<>();
    another.calls().pages(CallQuery.resumeFrom(two.cursor())).forEach(p -> p.calls().forEach(c -> rest.add(c.getId())));

    List<Long> all = new ArrayList<>();
    one.calls().forEach(c -> all.add(c.getId()));
    two.calls().forEach(c -> all.add(c.getId()));
    all.addAll(rest);
    assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(idsWithin(data, T0, T0.plusMillis(499)));
    // the resumed walk starts where page two ended, at the page size the cursor carries
    Asked resumed = fake.asked.get(requestsBeforeResuming);
    assertThat(resumed.ge()).isEqualTo(two.windowEnd());
    assertThat(fake.asked.subList(requestsBeforeResuming, fake.asked.size()))
        .allSatisfy(a -> assertThat(a.limit()).isEqualTo(100));
    assertThat(server.getAllServeEvents()).hasSize(fake.asked.size());
  }

  @Test
  void theStreamIsExactlyOnceEvenWhenEveryEdgeHasCalls() {
    List<Created> data = callsOnEveryEdge();
    fake.reset(data);

    List<Long> ids = client.calls().stream(CallQuery.between(T0, T0.plusMillis(499)).pageSize(100))
        .map(Call::getId).toList();

    assertThat(ids).hasSize(2500).doesNotHaveDuplicates();
    server.verify(fake.asked.size(), getRequestedFor(urlPathEqualTo(CALLS)).withQueryParam("limit", equalTo("100")));
  }

  @Test
  void sinceEndsAtTheClocksInstantTakenOnceWhenTheWalkStarts() {
    AtomicInteger reads = new AtomicInteger();
    Clock ticking = new Clock() {
      @Override
      public Instant instant() {
        return TestSupport.NOW.plus(Duration.ofMinutes(reads.getAndIncrement()));
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
    List<Created> data = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      data.add(new Created(TestSupport.NOW.minusSeconds(i), i + 1)); // 1500 calls in the last 25 minutes
    }
    data.add(new Created(TestSupport.NOW.plusSeconds(30), 9999)); // created after the walk started
    fake.reset(data);
    ClarionClient client = Seams.clock(TestSupport.client(server, sleeper), ticking).build();

    Stream<Call> stream = client.calls().stream(CallQuery.since(TestSupport.NOW.minus(Duration.ofHours(1))));
    assertThat(server.getAllServeEvents()).isEmpty();
    List<Long> ids = stream.map(Call::getId).toList();

    assertThat(ids).hasSize(1500).doesNotHaveDuplicates().doesNotContain(9999L);
    server.verify(getRequestedFor(urlPathEqualTo(CALLS))
        .withQueryParam("createdAtGe", equalTo("2026-03-01T11:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-03-01T12:00:00.000Z")));
    assertThat(TestSupport.served(server).get(0).getRequest().queryParameter("createdAtLe").firstValue())
        .isEqualTo("2026-03-01T12:00:00.000Z");
    assertThat(fake.asked).allSatisfy(a -> assertThat(a.le()).isBeforeOrEqualTo(TestSupport.NOW));
    assertThat(fake.asked.get(fake.asked.size() - 1).le()).isEqualTo(TestSupport.NOW);
  }

  @Test
  void aThousandCallsInOneMillisecondStopTheStreamAfterTheCallsBeforeThem() {
    Instant crowded = T0.plus(Duration.ofHours(3));
    List<Created> data = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      data.add(new Created(T0.plusSeconds(30L * i), i + 1)); // before the crowded millisecond
    }
    for (int i = 0; i < 1000; i++) {
      data.add(new Created(crowded.plusNanos(1000L * (1 + i % 999)), 100_000 + i)); // all within one ms
    }
    data.add(new Created(crowded.plusSeconds(5), 7)); // after it: never reached
    fake.reset(data);
    List<Long> delivered = new ArrayList<>();

    assertThatThrownBy(() -> client.calls().stream(DAY).forEach(c -> delivered.add(c.getId())))
        .isInstanceOfSatisfying(ClarionPagingException.class, e -> {
          assertThat(e.instant()).isEqualTo(crowded);
          assertThat(e.limit()).isEqualTo(1000);
          assertThat(e.getMessage()).contains(crowded.toString());
        });

    assertThat(delivered).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(idsWithin(data, T0, crowded.minusNanos(1)));
    Asked last = fake.asked.get(fake.asked.size() - 1);
    assertThat(last.ge()).isEqualTo(crowded);
    assertThat(last.returned()).isEqualTo(1000);
    assertThat(server.getAllServeEvents()).hasSize(fake.asked.size());
    assertThat(sleeper.sleeps).isEmpty();
  }

  @Test
  void aFailureInTheMiddleOfAStreamIsRetriedAndTheStreamCarriesOn() {
    List<Created> data = spreadAndBurst();
    fake.reset(data);
    fake.unavailableOnRequest(3);

    List<Long> ids = client.calls().stream(DAY).map(Call::getId).toList();

    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(idsWithin(data, T0, END));
    assertThat(sleeper.sleeps).containsExactly(Duration.ofMillis(250));
    List<ServeEvent> served = TestSupport.served(server);
    assertThat(served).hasSize(fake.asked.size() + 1);
    // the retry asks for the very window that failed
    assertThat(served.get(3).getRequest().getUrl()).isEqualTo(served.get(2).getRequest().getUrl());
  }

  @Test
  void aNullElementInAPageIsSkipped() {
    server.stubFor(get(urlPathEqualTo(CALLS)).atPriority(1).willReturn(
        okJson("[" + TestSupport.callJson(1) + ",null," + TestSupport.callJson(2) + "]")));

    List<CallPage> pages = new ArrayList<>();
    client.calls().pages(DAY).forEach(pages::add);

    assertThat(pages).singleElement().satisfies(p -> assertThat(p.calls()).extracting(Call::getId).containsExactly(1L, 2L));
    server.verify(1, getRequestedFor(urlPathEqualTo(CALLS)));
  }

  @Test
  void segmentsPagedOneAfterAnotherStillDeliverEveryCallOnce() {
    List<Created> data = spreadAndBurst();
    fake.reset(data);

    List<Long> ids = client.calls().stream(DAY.concurrency(4)).map(Call::getId).toList();

    assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(idsWithin(data, T0, END));
    server.verify(fake.asked.size(), getRequestedFor(urlPathEqualTo(CALLS)));
    for (int i = 1; i < fake.asked.size(); i++) { // on the calling thread, in window order
      assertThat(fake.asked.get(i).ge()).isAfterOrEqualTo(fake.asked.get(i - 1).ge());
    }
  }

  @Test
  void eachIterationOfPagesWalksAfreshAndACompleteCursorResumesToNothing() {
    List<Created> data = spreadAndBurst();
    fake.reset(data);
    Iterable<CallPage> pages = client.calls().pages(DAY);

    List<CallPage> first = new ArrayList<>();
    pages.forEach(first::add);
    int oneWalk = server.getAllServeEvents().size();
    List<CallPage> second = new ArrayList<>();
    pages.forEach(second::add);

    assertThat(server.getAllServeEvents()).hasSize(2 * oneWalk);
    assertThat(second).extracting(CallPage::cursor).containsExactlyElementsOf(first.stream().map(CallPage::cursor).toList());
    String last = first.get(first.size() - 1).cursor();
    assertThat(client.calls().stream(CallQuery.resumeFrom(last)).count()).isZero();
    assertThat(server.getAllServeEvents()).hasSize(2 * oneWalk);
  }
}
