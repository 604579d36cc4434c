package com.clarionhealth.client.reactive;

import static com.clarionhealth.client.reactive.TestSupport.BEARER;
import static com.clarionhealth.client.reactive.TestSupport.CALLS;
import static com.clarionhealth.client.reactive.TestSupport.NOW;
import static com.clarionhealth.client.reactive.TestSupport.TIMEOUT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionPagingException;
import com.clarionhealth.client.reactive.FakeCallsServer.Asked;
import com.clarionhealth.client.reactive.FakeCallsServer.Created;
import com.clarionhealth.client.model.Call;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** {@code stream} and {@code pages} against a stateful fake list endpoint: every call once, on demand. */
class StreamTest {
  static final FakeCallsServer fake = new FakeCallsServer();

  @RegisterExtension
  static WireMockExtension server = WireMockExtension.newInstance()
      .options(TestSupport.loopback().extensions(fake)).build();

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant END = T0.plus(Duration.ofDays(1));
  static final CallQuery DAY = CallQuery.between(T0, END);

  /** Marks this test's requests: a cancelled stream of an earlier test may still have one arriving. */
  private final String run = UUID.randomUUID().toString();
  private final ReactiveClarionClient client = client();

  private ReactiveClarionClient client() {
    return TestSupport.client(server)
        .webClientBuilder(WebClient.builder().defaultHeader(FakeCallsServer.RUN_HEADER, run))
        .build();
  }

  /** The requests of this test the server received. */
  private List<LoggedRequest> sent() {
    return server.findAll(getRequestedFor(urlPathEqualTo(CALLS)).withHeader(FakeCallsServer.RUN_HEADER, equalTo(run)));
  }

  @BeforeEach
  void serveTheFake() {
    server.stubFor(get(urlPathEqualTo(CALLS)).willReturn(aResponse().withTransformers(FakeCallsServer.NAME)));
  }

  /**
   * 1000 calls spread over the day on whole milliseconds (so some sit on window edges), 1500 within two
   * seconds at microsecond precision (a dense cluster that forces windows to split), calls on both
   * bounds, and calls just outside the range.
   */
  static List<Created> spreadAndCluster() {
    Random random = new Random(42);
    List<Created> calls = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < 1000; i++) {
      calls.add(new Created(T0.plusMillis((long) (random.nextDouble() * 86_400_000L)), id++));
    }
    Instant cluster = T0.plus(Duration.ofHours(10));
    for (int i = 0; i < 1500; i++) {
      calls.add(new Created(cluster.plusNanos(1000L * random.nextInt(2_000_000)), id++));
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

  static List<Long> ids(Flux<Call> calls) {
    return calls.map(Call::getId).collectList().block(TIMEOUT);
  }

  static List<Long> ids(List<CallPage> pages) {
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

  @Test
  void nothingIsSentBeforeSubscription() throws InterruptedException {
    fake.reset(spreadAndCluster(), run);

    client.calls().stream(DAY).map(Call::getId).filter(id -> id > 0).take(3);
    client.calls().pages(DAY).take(1);
    Thread.sleep(100);

    assertThat(sent()).isEmpty();
  }

  @Test
  void streamDeliversEveryCallOfTheRangeExactlyOnceInAscendingWindows() {
    fake.reset(spreadAndCluster(), run);

    List<Long> ids = ids(client.calls().stream(DAY));

    assertThat(ids).hasSize(2502).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(fake.idsWithin(T0, END));
    List<Asked> asked = fake.asked;
    assertThat(sent()).hasSize(asked.size());
    // at least ceil(2502 / 1000) pages; the cluster costs a binary search, not a crawl
    assertThat(asked.size()).isBetween(3, 30);
    assertThat(asked).anySatisfy(a -> assertThat(a.full()).isTrue()); // the cluster split a window
    assertThat(asked).allSatisfy(a -> assertThat(a.limit()).isEqualTo(1000));
    assertThat(asked.get(0).ge()).isEqualTo(T0);
    assertThat(asked.get(asked.size() - 1).le()).isEqualTo(END);
    for (int i = 1; i < asked.size(); i++) {
      assertThat(asked.get(i).ge()).isAfterOrEqualTo(asked.get(i - 1).ge());
      assertThat(asked.get(i).le()).isAfterOrEqualTo(asked.get(i).ge());
    }
    server.verify(asked.size(), getRequestedFor(urlPathEqualTo(CALLS)).withHeader(FakeCallsServer.RUN_HEADER, equalTo(run))
        .withHeader("Authorization", equalTo(BEARER))
        .withQueryParam("limit", equalTo("1000")));
  }

  @Test
  void theFirstRequestIsTheWholeRangeOnTheWire() {
    fake.reset(List.of(new Created(T0.plusSeconds(1), 1)), run);

    assertThat(ids(client.calls().stream(DAY))).containsExactly(1L);

    assertThat(sent()).singleElement().satisfies(e -> assertThat(e.getUrl())
        .isEqualTo(CALLS + "?limit=1000&createdAtGe=2026-01-01T00%3A00%3A00.000Z"
            + "&createdAtLe=2026-01-02T00%3A00%3A00.000Z"));
  }

  @Test
  void pagesAreContiguousCompletedWindowsCoveringTheRange() {
    fake.reset(spreadAndCluster(), run);

    List<CallPage> pages = client.calls().pages(DAY).collectList().block(TIMEOUT);

    assertContiguous(pages, T0, END);
    assertThat(pages).allSatisfy(p -> assertThat(p.calls()).hasSizeLessThan(1000));
    assertThat(ids(pages)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(fake.idsWithin(T0, END));
    // a page is only handed out for a window whose answer was short, so complete
    assertThat(fake.asked.stream().filter(a -> !a.full()).count()).isEqualTo(pages.size());
    assertThat(pages.stream().mapToInt(CallPage::requests).sum()).isEqualTo(fake.asked.size());
    for (CallPage page : pages) {
      for (Call call : page.calls()) {
        assertThat(fake.createdAt(call.getId())).isBetween(page.windowStart(), page.windowEnd());
      }
    }
  }

  @Test
  void aStreamCutShortSendsOneRequest() {
    List<Created> data = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      data.add(new Created(T0.plusSeconds(60L * i), i + 1));
    }
    fake.reset(data, run);

    StepVerifier.create(client.calls().stream(DAY).take(5).map(Call::getId))
        .expectNext(300L, 299L, 298L, 297L, 296L) // server order: newest first
        .expectComplete()
        .verify(TIMEOUT);

    assertThat(sent()).hasSize(1);
    server.verify(1, getRequestedFor(urlPathEqualTo(CALLS)).withHeader(FakeCallsServer.RUN_HEADER, equalTo(run))
        .withQueryParam("limit", equalTo("1000"))
        .withQueryParam("createdAtGe", equalTo("2026-01-01T00:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-01-02T00:00:00.000Z")));
  }

  @Test
  void aStreamFetchesNoFurtherWindowWhileFetchedCallsAwaitDemand() {
    List<Created> data = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      data.add(new Created(T0.plusSeconds(60L * i), i + 1));
    }
    fake.reset(data, run);
    CallQuery query = CallQuery.between(T0, END).pageSize(100);
    List<CallPage> firstTwo = client.calls().pages(query).take(2).collectList().block(TIMEOUT); // deterministic
    CallPage first = firstTwo.get(0);
    int pageSize = first.calls().size();
    int firstTwoRequests = first.requests() + firstTwo.get(1).requests();
    fake.asked.clear();

    StepVerifier.create(client.calls().stream(query), 5)
        .expectNextCount(5)
        .thenAwait(Duration.ofMillis(300))
        .then(() -> assertThat(fake.asked).hasSize(first.requests()))
        .thenRequest(pageSize - 5)
        .expectNextCount(pageSize - 5)
        .thenRequest(1) // the next call is in the next window
        .expectNextCount(1)
        .thenAwait(Duration.ofMillis(300))
        // the second window's calls are not all requested yet: no third window
        .then(() -> assertThat(fake.asked).hasSize(firstTwoRequests))
        .thenCancel()
        .verify(TIMEOUT);
  }

  @Test
  void aStreamCutShortAcrossAFullPageSendsOnlyTheRequestsOfItsFirstWindow() {
    fake.reset(spreadAndCluster(), run);

    StepVerifier.create(client.calls().stream(DAY).take(5)).expectNextCount(5).expectComplete().verify(TIMEOUT);

    List<Asked> asked = fake.asked;
    // the whole day is full, so it is narrowed until a window is short; then nothing more
    assertThat(asked.subList(0, asked.size() - 1)).allSatisfy(a -> assertThat(a.full()).isTrue());
    assertThat(asked.get(asked.size() - 1).full()).isFalse();
    assertThat(sent()).hasSize(asked.size());
  }

  @Test
  void pagesAreFetchedOnlyOnDemand() {
    fake.reset(spreadAndCluster(), run);
    int[] requestsForThePage = new int[1];

    StepVerifier.create(client.calls().pages(DAY), 1)
        .assertNext(first -> {
          assertThat(first.windowStart()).isEqualTo(T0);
          requestsForThePage[0] = first.requests();
        })
        .thenAwait(Duration.ofMillis(300)) // time for any prefetch to show
        .then(() -> {
          // exactly the requests of one completed window: full pages narrowed, then one short page
          List<Asked> asked = fake.asked;
          assertThat(asked).hasSize(requestsForThePage[0]);
          assertThat(asked.subList(0, asked.size() - 1)).allSatisfy(a -> assertThat(a.full()).isTrue());
          assertThat(asked.get(asked.size() - 1).full()).isFalse();
          assertThat(sent()).hasSize(asked.size());
        })
        .thenRequest(1)
        .assertNext(second -> {
          assertThat(second.windowStart()).isAfter(T0);
          assertThat(fake.asked).hasSize(requestsForThePage[0] + second.requests());
        })
        .thenAwait(Duration.ofMillis(300))
        .then(() -> assertThat(sent()).hasSize(fake.asked.size()))
        .thenCancel()
        .verify(TIMEOUT);
  }

  @Test
  void theStreamIsExactlyOnceEvenWhenEveryEdgeHasCalls() {
    fake.reset(callsOnEveryEdge(), run);
    Instant to = T0.plusMillis(499);

    List<CallPage> pages = client.calls().pages(CallQuery.between(T0, to).pageSize(100))
        .collectList().block(TIMEOUT);

    assertContiguous(pages, T0, to);
    assertThat(ids(pages)).hasSize(2500).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(fake.idsWithin(T0, to));
    assertThat(fake.asked).allSatisfy(a -> assertThat(a.limit()).isEqualTo(100));
  }

  @Test
  void pagesResumeFromACursorOnANewClientWithoutLossOrDuplicates() {
    fake.reset(callsOnEveryEdge(), run);
    Instant to = T0.plusMillis(499);
    CallQuery query = CallQuery.between(T0, to).pageSize(100);

    List<CallPage> firstTwo = client.calls().pages(query).take(2).collectList().block(TIMEOUT);
    int requestsBeforeResuming = fake.asked.size();
    ReactiveClarionClient another = client();
    List<CallPage> rest = another.calls().pages(CallQuery.resumeFrom(firstTwo.get(1).cursor()))
        .collectList().block(TIMEOUT);

    List<Long> all = new ArrayList<>(ids(firstTwo));
    all.addAll(ids(rest));
    assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(fake.idsWithin(T0, to));
    // the resumed walk starts where page two ended, at the page size the cursor carries
    assertThat(fake.asked.get(requestsBeforeResuming).ge()).isEqualTo(firstTwo.get(1).windowEnd());
    assertThat(fake.asked.subList(requestsBeforeResuming, fake.asked.size()))
        .allSatisfy(a -> assertThat(a.limit()).isEqualTo(100));
    assertThat(rest.get(rest.size() - 1).windowEnd()).isEqualTo(to);
  }

  @Test
  void theCursorOfTheLastPageResumesToNothing() {
    fake.reset(callsOnEveryEdge(), run);
    CallQuery query = CallQuery.between(T0, T0.plusMillis(499)).pageSize(100);

    CallPage last = client.calls().pages(query).last().block(TIMEOUT);
    int requests = fake.asked.size();

    StepVerifier.create(client.calls().pages(CallQuery.resumeFrom(last.cursor())))
        .expectComplete()
        .verify(TIMEOUT);
    assertThat(fake.asked).hasSize(requests);
  }

  @Test
  void concurrencyFourYieldsTheSameCallsInWindowOrder() {
    fake.reset(spreadAndCluster(), run);
    List<Long> sequential = ids(client.calls().stream(DAY));
    fake.asked.clear();

    List<CallPage> pages = client.calls().pages(DAY.concurrency(4)).collectList().block(TIMEOUT);

    assertThat(ids(pages)).hasSize(2502).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(sequential);
    assertContiguous(pages, T0, END);
    for (CallPage page : pages) {
      for (Call call : page.calls()) {
        assertThat(fake.createdAt(call.getId())).isBetween(page.windowStart(), page.windowEnd());
      }
    }
    // the four segments of six hours were each asked for
    for (int segment = 0; segment < 4; segment++) {
      Instant start = T0.plus(Duration.ofHours(6L * segment));
      assertThat(fake.asked).anySatisfy(a -> assertThat(a.ge()).isEqualTo(start));
    }
    assertThat(ids(client.calls().stream(DAY.concurrency(4)))).containsExactlyElementsOf(ids(pages));
  }

  @Test
  void concurrentSegmentsNeverLoseAWindow() {
    List<Created> data = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      data.add(new Created(T0.plus(Duration.ofMinutes(30L * i + 7)), i + 1));
    }
    fake.reset(data, run);
    List<Long> expected = fake.idsWithin(T0, END);

    // a race between a window's answer and the demand for it lost whole pages once: try it often
    for (int i = 0; i < 60; i++) {
      List<CallPage> pages = client.calls().pages(DAY.concurrency(4)).collectList().block(TIMEOUT);
      assertThat(ids(pages)).as("attempt %d", i).containsExactlyInAnyOrderElementsOf(expected);
      assertContiguous(pages, T0, END);
    }
  }

  @Test
  void sinceEndsAtTheClocksNowTakenOnceAtSubscription() {
    Instant from = NOW.minus(Duration.ofHours(1));
    fake.reset(List.of(
        new Created(from, 1),
        new Created(NOW.minusSeconds(1), 2),
        new Created(NOW, 3),
        new Created(NOW.plusMillis(1), 4)), run); // after the fixed end: not this stream's

    List<CallPage> pages = client.calls().pages(CallQuery.since(from)).collectList().block(TIMEOUT);

    assertThat(ids(pages)).containsExactlyInAnyOrder(1L, 2L, 3L);
    assertThat(pages.get(pages.size() - 1).windowEnd()).isEqualTo(NOW);
    assertThat(fake.asked).allSatisfy(a -> assertThat(a.le()).isBeforeOrEqualTo(NOW));
    server.verify(1, getRequestedFor(urlPathEqualTo(CALLS)).withHeader(FakeCallsServer.RUN_HEADER, equalTo(run))
        .withQueryParam("createdAtGe", equalTo("2026-03-01T11:00:00.000Z"))
        .withQueryParam("createdAtLe", equalTo("2026-03-01T12:00:00.000Z")));
  }

  @Test
  void aThousandCallsInOneMillisecondFailTheStreamAfterTheCallsBeforeThem() {
    List<Created> data = new ArrayList<>();
    Instant crowded = T0.plusSeconds(3600).plusMillis(5);
    for (int i = 0; i < 1000; i++) {
      data.add(new Created(crowded.plusNanos(i * 100L), 1000 + i));
    }
    for (int i = 0; i < 10; i++) {
      data.add(new Created(T0.plusSeconds(i), 1 + i));
    }
    fake.reset(data, run);

    List<Long> delivered = new ArrayList<>();
    StepVerifier.create(client.calls().stream(DAY).map(Call::getId))
        .recordWith(() -> delivered)
        .thenConsumeWhile(id -> true)
        .expectErrorSatisfies(e -> {
          assertThat(e).isInstanceOf(ClarionPagingException.class);
          ClarionPagingException paging = (ClarionPagingException) e;
          // the narrowest window: two adjacent milliseconds, as windows share their edge instant
          assertThat(paging.instant()).isEqualTo(T0.plusSeconds(3600).plusMillis(5));
          assertThat(paging.windowEnd()).isEqualTo(paging.instant().plusMillis(1));
          assertThat(paging.limit()).isEqualTo(1000);
        })
        .verify(TIMEOUT);

    // what came before is correct and once: every call up to the crowded millisecond's edge
    assertThat(delivered).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(fake.idsWithin(T0, crowded));
    assertThat(fake.asked.get(fake.asked.size() - 1).ge()).isEqualTo(crowded);
  }
}
