package com.clarionhealth.client.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionPagingException;
import com.clarionhealth.client.ListCallsParams;
import com.clarionhealth.client.blocking.ClarionClient;
import com.clarionhealth.client.model.Call;
import com.clarionhealth.client.model.CreateCall;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /call: limit, inclusive bounds at microsecond resolution, order and selection. */
class ListCallsTest {
  static final Instant DAY = Instant.parse("2026-03-01T00:00:00Z");
  static ClarionSandbox sandbox;
  static Http http;
  static ClarionClient client;
  /** For the tests that stream thousands of calls and look at ids only: calls without conversations. */
  static ClarionSandbox lean;
  static ClarionClient leanClient;

  @BeforeAll
  static void start() {
    sandbox = ClarionSandbox.start();
    http = new Http(sandbox);
    client = ClarionClient.builder().baseUrl(sandbox.baseUrl()).apiKey(sandbox.apiKey()).build();
    lean = ClarionSandbox.builder().conversations(false).start();
    leanClient = ClarionClient.builder().baseUrl(lean.baseUrl()).apiKey(lean.apiKey()).build();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
    lean.close();
  }

  @BeforeEach
  void reset() {
    sandbox.reset();
    lean.reset();
  }

  private static List<Long> ids(Http.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    for (JsonNode call : response.json()) {
      ids.add(call.get("id").asLong());
    }
    return ids;
  }

  @Test
  void limitDefaultsTo100AndGoesTo1000() {
    sandbox.seed(1200, DAY, DAY.plus(Duration.ofHours(20)), Distribution.UNIFORM, 1);

    assertThat(ids(http.get(""))).hasSize(100);
    assertThat(ids(http.get("limit=1"))).hasSize(1);
    assertThat(ids(http.get("limit=1000"))).hasSize(1000);
    assertThat(client.calls().list()).hasSize(100);
    assertThat(sandbox.requests()).allSatisfy(r -> assertThat(r.status()).hasValue(200));
    assertThat(sandbox.requests().get(0).queryParameters()).isEmpty();
    assertThat(sandbox.requests().get(2).queryParameter("limit")).hasValue("1000");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1001", "-1", "abc", "1.5", "", "99999999999999999999"})
  void limitOutside1To1000IsA400NamingIt(String limit) {
    Http.Response response = http.get("limit=" + limit);

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.json().get("message").asText()).startsWith("limit must be an integer from 1 to 1000");
    assertThat(response.json().get("fields").toString()).contains("limit");
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2026-01-01", "2026-01-01T00:00:00", "2026-13-01T00:00:00Z", "1767225600"})
  void unparseableBoundsAreA400NamingThem(String value) {
    Http.Response ge = http.get("createdAtGe=" + value);
    Http.Response le = http.get("createdAtLe=" + value);

    assertThat(ge.status()).isEqualTo(400);
    assertThat(ge.json().get("message").asText()).startsWith("createdAtGe must be an ISO-8601 date-time");
    assertThat(le.status()).isEqualTo(400);
    assertThat(le.json().get("message").asText()).startsWith("createdAtLe must be an ISO-8601 date-time");
  }

  @Test
  void boundsAreInclusiveAndCompareAtTheMicrosecond() {
    // Three calls: at T, half a millisecond later, and one millisecond later.
    Instant t = sandbox.clock().instant();
    long atT = create();
    sandbox.clock().advance(Duration.ofNanos(500_000));
    long halfAfter = create();
    sandbox.clock().advance(Duration.ofNanos(500_000));
    long milliAfter = create();
    assertThat(sandbox.createdAt(halfAfter)).contains(t.plusNanos(500_000));

    String ms = "2026-03-02T09:00:00.000Z";
    String msPlusOne = "2026-03-02T09:00:00.001Z";
    assertThat(ids(http.get("createdAtGe=" + ms + "&createdAtLe=" + ms))).containsExactly(atT);
    assertThat(ids(http.get("createdAtGe=" + msPlusOne + "&createdAtLe=" + msPlusOne))).containsExactly(milliAfter);
    // The call half a millisecond in is in no single-millisecond window: only a window spanning it finds it.
    assertThat(ids(http.get("createdAtGe=" + ms + "&createdAtLe=" + msPlusOne)))
        .containsExactly(milliAfter, halfAfter, atT);
    assertThat(ids(http.get("createdAtGe=2026-03-02T09:00:00.0005Z&createdAtLe=2026-03-02T09:00:00.0005Z")))
        .containsExactly(halfAfter);
    assertThat(ids(http.get("createdAtGe=2026-03-02T09:00:00.000500001Z"))).containsExactly(milliAfter);
    assertThat(ids(http.get("createdAtLe=2026-03-02T09:00:00.000499999Z"))).containsExactly(atT);
    // Offsets, encoded or not (a '+' stays a plus sign).
    assertThat(ids(http.get("createdAtGe=2026-03-02T10:00:00.001%2B01:00"))).containsExactly(milliAfter);
    assertThat(ids(http.get("createdAtGe=2026-03-02T10:00:00.001+01:00"))).containsExactly(milliAfter);
    assertThat(ids(http.get("createdAtGe=" + msPlusOne + "&createdAtLe=" + ms))).isEmpty();
    assertThat(sandbox.countCalls(t, t.plusMillis(1))).isEqualTo(3);

    List<Call> viaClient = client.calls().list(ListCallsParams.builder().createdAtGe(t).createdAtLe(t).build());
    assertThat(viaClient).extracting(Call::getId).containsExactly(atT);
  }

  @Test
  void newestFirstByDefaultOldestFirstOnRequestTiesByIdAndRandomIsAPermutation() {
    sandbox.seed(3, DAY, DAY, Distribution.SAME_INSTANT, 1); // ids 1..3 at one instant
    sandbox.seed(3, DAY.plusSeconds(1), DAY.plusSeconds(2), Distribution.UNIFORM, 1); // ids 4..6, later

    assertThat(ids(http.get(""))).containsExactly(6L, 5L, 4L, 3L, 2L, 1L);
    sandbox.listOrder(ListOrder.OLDEST_FIRST);
    assertThat(ids(http.get(""))).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    sandbox.listOrder(ListOrder.RANDOM);
    List<List<Long>> orders = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      orders.add(ids(http.get("")));
    }
    assertThat(orders).allSatisfy(order -> assertThat(order).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L));
    assertThat(new HashSet<>(orders)).hasSizeGreaterThan(1);

    sandbox.reset();
    assertThat(ids(http.get(""))).isEmpty();
    sandbox.seed(3, DAY, DAY.plusSeconds(2), Distribution.UNIFORM, 1);
    assertThat(ids(http.get(""))).as("reset restores the configured order").containsExactly(3L, 2L, 1L);
  }

  @Test
  void randomOrderIsReproducibleFromTheSeed() {
    List<List<Long>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      try (ClarionSandbox s = ClarionSandbox.builder().listOrder(ListOrder.RANDOM)
          .listSelection(ListSelection.RANDOM_SUBSET).start()) {
        s.seed(300, DAY, DAY.plus(Duration.ofHours(1)), Distribution.UNIFORM, 5);
        Http h = new Http(s);
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          all.addAll(ids(h.get("limit=50")));
        }
        runs.add(all);
      }
    }
    assertThat(runs.get(0)).isEqualTo(runs.get(1));
  }

  @ParameterizedTest
  @EnumSource(ListOrder.class)
  void firstSelectionTakesTheFirstInOrderRandomSubsetAnyOfThem(ListOrder order) {
    sandbox.seed(100, DAY, DAY.plus(Duration.ofHours(1)), Distribution.UNIFORM, 3); // ids 1..100 by time
    sandbox.listOrder(order);

    List<Long> first = ids(http.get("limit=10"));
    assertThat(first).hasSize(10).doesNotHaveDuplicates();
    if (order == ListOrder.NEWEST_FIRST) {
      assertThat(first).containsExactly(100L, 99L, 98L, 97L, 96L, 95L, 94L, 93L, 92L, 91L);
    } else if (order == ListOrder.OLDEST_FIRST) {
      assertThat(first).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    sandbox.listSelection(ListSelection.RANDOM_SUBSET);
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      List<Long> page = ids(http.get("limit=10&createdAtGe=2026-03-01T00:00:00Z"));
      assertThat(page).hasSize(10).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isBetween(1L, 100L));
      if (order == ListOrder.NEWEST_FIRST) {
        assertThat(page).isSortedAccordingTo((a, b) -> Long.compare(b, a));
      } else if (order == ListOrder.OLDEST_FIRST) {
        assertThat(page).isSorted();
      }
      seen.addAll(page);
    }
    assertThat(seen).as("random subsets reach well beyond the first ten").hasSizeGreaterThan(60);
    // When no more than limit match, every matching call is returned whatever the selection.
    assertThat(ids(http.get("limit=100"))).containsExactlyInAnyOrderElementsOf(
        Stream.iterate(1L, i -> i + 1).limit(100).collect(Collectors.toList()));
  }

  @ParameterizedTest
  @EnumSource(ListOrder.class)
  void theBlockingClientStreamsEveryCallOnceWhateverTheOrderAndSelection(ListOrder order) {
    lean.listOrder(order).listSelection(ListSelection.RANDOM_SUBSET);
    lean.seed(2000, DAY, DAY.plus(Duration.ofDays(1)), Distribution.BURSTS, 11);
    lean.seed(900, DAY.plus(Duration.ofHours(6)), DAY.plus(Duration.ofHours(6)), Distribution.SAME_INSTANT, 12);

    List<Long> streamed;
    try (Stream<Call> calls = leanClient.calls().stream(CallQuery.between(DAY, DAY.plus(Duration.ofDays(1))))) {
      streamed = calls.map(Call::getId).collect(Collectors.toList());
    }

    assertThat(streamed).hasSize(2900).doesNotHaveDuplicates();
    assertThat(lean.requests()).allSatisfy(r -> assertThat(r.status()).hasValue(200));
  }

  @Test
  void aThousandCallsAtOneInstantMakeTheClientFailRatherThanSkip() {
    lean.seed(200, DAY, DAY.plus(Duration.ofDays(1)), Distribution.UNIFORM, 11);
    lean.seed(1000, DAY.plus(Duration.ofHours(6)), DAY.plus(Duration.ofHours(6)), Distribution.SAME_INSTANT, 12);

    List<Long> delivered = new ArrayList<>();
    assertThatThrownBy(() -> {
      try (Stream<Call> calls = leanClient.calls().stream(CallQuery.between(DAY, DAY.plus(Duration.ofDays(1))))) {
        calls.forEach(call -> delivered.add(call.getId()));
      }
    }).isInstanceOf(ClarionPagingException.class).hasMessageContaining("2026-03-01T06:00:00");
    // Every call before the instant was delivered first.
    assertThat(delivered).hasSize((int) lean.countCalls(DAY, DAY.plus(Duration.ofHours(6)).minusNanos(1000)));
  }

  /**
   * What the README promises of {@code pages}: every call of the range exactly once (not merely the
   * right number of calls), in windows that ascend and share their edge instant, each call in its
   * page's window, and a cursor per page from which the rest of the range is delivered, exactly.
   */
  @Test
  void pagesOfTheBlockingClientCoverTheRange() {
    Instant weekAgo = DAY.minus(Duration.ofDays(7));
    // Calls just outside the range on both sides: the pages must leave them out.
    lean.seed(100, weekAgo.minus(Duration.ofDays(1)), weekAgo.minusMillis(1), Distribution.UNIFORM, 3);
    long first = lean.seed(2500, weekAgo, DAY, Distribution.BUSINESS_HOURS, 4);
    // 300 calls in one microsecond half-way into a millisecond: in no window that ends or starts on
    // either millisecond around it unless it spans both, so windows near it are really tested.
    long clump = lean.seed(300, weekAgo.plus(Duration.ofDays(3)).plusSeconds(36_000).plusNanos(500_000),
        weekAgo.plus(Duration.ofDays(3)).plusSeconds(36_000).plusNanos(500_000), Distribution.SAME_INSTANT, 5);
    lean.seed(100, DAY.plusMillis(1), DAY.plus(Duration.ofDays(1)), Distribution.UNIFORM, 6);
    Set<Long> range = new HashSet<>();
    LongStream.range(first, first + 2500).forEach(range::add);
    LongStream.range(clump, clump + 300).forEach(range::add);
    assertThat(lean.countCalls(weekAgo, DAY)).isEqualTo(range.size());

    List<CallPage> pages = pages(CallQuery.between(weekAgo, DAY).pageSize(500));

    List<Long> delivered = idsOf(pages);
    assertThat(delivered).hasSize(range.size()).doesNotHaveDuplicates();
    assertThat(new HashSet<>(delivered)).isEqualTo(range);
    assertThat(pages.get(0).windowStart()).isEqualTo(weekAgo);
    assertThat(pages.get(pages.size() - 1).windowEnd()).isEqualTo(DAY);
    for (int i = 0; i < pages.size(); i++) {
      CallPage page = pages.get(i);
      assertThat(page.windowStart()).as("page %d", i).isBeforeOrEqualTo(page.windowEnd());
      if (i > 0) {
        CallPage previous = pages.get(i - 1);
        assertThat(page.windowStart()).as("page %d starts on the edge its predecessor ended on", i)
            .isEqualTo(previous.windowEnd());
        assertThat(page.windowEnd()).as("windows ascend").isAfter(previous.windowEnd());
      }
      // A page shorter than the limit is the whole window: a full one would have been narrowed.
      assertThat(page.calls()).as("page %d", i).hasSizeLessThan(500);
      for (Call call : page.calls()) {
        assertThat(lean.createdAt(call.getId()).orElseThrow()).as("call %d of page %d", call.getId(), i)
            .isBetween(page.windowStart(), page.windowEnd());
      }
    }

    // Resuming from a middle page's cursor delivers exactly what the later pages delivered: nothing
    // of the earlier pages again, nothing skipped, and it asks for nothing before the cursor's edge.
    int middle = pages.size() / 2;
    assertThat(middle).as("enough pages to resume in the middle").isGreaterThan(1);
    int requestsBefore = lean.requests().size();
    List<CallPage> rest = pages(CallQuery.resumeFrom(pages.get(middle).cursor()));

    assertThat(idsOf(rest)).containsExactlyInAnyOrderElementsOf(idsOf(pages.subList(middle + 1, pages.size())));
    assertThat(rest.get(0).windowStart()).isEqualTo(pages.get(middle).windowEnd());
    assertThat(rest.get(rest.size() - 1).windowEnd()).isEqualTo(DAY);
    assertThat(lean.requests().subList(requestsBefore, lean.requests().size())).isNotEmpty()
        .allSatisfy(request -> assertThat(Instant.parse(request.queryParameter("createdAtGe").orElseThrow()))
            .isAfterOrEqualTo(pages.get(middle).windowEnd()));
    // The last page's cursor has nothing left to deliver, and asks nothing for it.
    int requestsBeforeEnd = lean.requests().size();
    assertThat(idsOf(pages(CallQuery.resumeFrom(pages.get(pages.size() - 1).cursor())))).isEmpty();
    assertThat(lean.requests()).hasSize(requestsBeforeEnd);
  }

  private static List<CallPage> pages(CallQuery query) {
    List<CallPage> pages = new ArrayList<>();
    leanClient.calls().pages(query).forEach(pages::add);
    return pages;
  }

  private static List<Long> idsOf(List<CallPage> pages) {
    return pages.stream().flatMap(page -> page.calls().stream()).map(Call::getId).collect(Collectors.toList());
  }

  private static long create() {
    return client.calls().create(new CreateCall().assistantId(1L).destinationPhoneNumber("+14155550123")).getId();
  }
}
