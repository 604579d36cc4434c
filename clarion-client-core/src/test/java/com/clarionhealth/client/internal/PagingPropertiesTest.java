package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionPagingException;
import com.clarionhealth.client.internal.DataSets.Kind;
import com.clarionhealth.client.internal.FakeListServer.Order;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * Every call of the range exactly once, whatever the data and whatever order (or subset) the server
 * returns; or a {@link ClarionPagingException} that is justified by the data.
 */
class PagingPropertiesTest {

  @Property(tries = 400)
  void deliversEveryCallExactlyOnce(
      @ForAll Kind kind,
      @ForAll Order order,
      @ForAll("limits") int limit,
      @ForAll @IntRange(min = 0, max = 5000) int n,
      @ForAll("spans") long spanMillis,
      @ForAll @IntRange(min = 1, max = 4) int concurrency,
      @ForAll long seed) {
    FakeListServer server =
        new FakeListServer(DataSets.generate(kind, n, spanMillis, limit, seed), order, seed);
    CallQuery query = range(spanMillis).pageSize(limit).concurrency(concurrency);
    List<Long> expected = server.expected(DataSets.T0_MILLIS, DataSets.T0_MILLIS + spanMillis);

    List<Long> delivered = new ArrayList<>();
    try {
      walk(PagingPlan.of(query, Instant.EPOCH), server, delivered, Integer.MAX_VALUE);
    } catch (ClarionPagingException e) {
      // Justified only if the window it names really holds a full page at the largest limit.
      assertThat(server.countIn(e.instant().toEpochMilli(), e.windowEnd().toEpochMilli()))
          .isGreaterThanOrEqualTo(WindowPlanner.MAX_LIMIT);
      assertThat(new HashSet<>(delivered)).hasSameSizeAs(delivered);
      assertThat(expected).containsAll(delivered);
      Statistics.label("outcome").collect("paging exception");
      return;
    }
    assertThat(delivered).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
    Statistics.label("outcome").collect("complete");
    Statistics.label("requests / ceil(N / limit)")
        .collect(ratioBucket(server.requests, expected.size(), limit));
  }

  @Property(tries = 200)
  void resumingFromAnyCursorLosesAndRepeatsNothing(
      @ForAll Kind kind,
      @ForAll Order order,
      @ForAll("limits") int limit,
      @ForAll @IntRange(min = 0, max = 3000) int n,
      @ForAll("spans") long spanMillis,
      @ForAll @IntRange(min = 1, max = 4) int concurrencyBefore,
      @ForAll @IntRange(min = 1, max = 4) int concurrencyAfter,
      @ForAll @IntRange(min = 0, max = 30) int pagesBeforeInterruption,
      @ForAll long seed) {
    FakeListServer server =
        new FakeListServer(DataSets.generate(kind, n, spanMillis, limit, seed), order, seed);
    List<Long> expected = server.expected(DataSets.T0_MILLIS, DataSets.T0_MILLIS + spanMillis);
    List<Long> delivered = new ArrayList<>();
    try {
      CallQuery original = range(spanMillis).pageSize(limit).concurrency(concurrencyBefore);
      String cursor = walk(PagingPlan.of(original, Instant.EPOCH), server, delivered, pagesBeforeInterruption);
      // Interrupted before its first page, a stream has nothing to resume from: it starts again.
      CallQuery rest = cursor == null ? original : CallQuery.resumeFrom(cursor);
      walk(PagingPlan.of(rest.concurrency(concurrencyAfter), Instant.EPOCH), server, delivered, Integer.MAX_VALUE);
    } catch (ClarionPagingException e) {
      return; // justified or not is the first property's business
    }
    assertThat(delivered).containsExactlyInAnyOrderElementsOf(expected);
  }

  /** Walks like a client does; returns the cursor of the last page taken, or null if none. */
  private static String walk(PagingPlan plan, FakeListServer server, List<Long> sink, int maxPages) {
    String cursor = null;
    PageIterator<Long> pages = new PageIterator<>(plan, Function.identity(), server::list);
    for (int i = 0; i < maxPages && pages.hasNext(); i++) {
      PageIterator.Page<Long> page = pages.next();
      sink.addAll(page.calls());
      cursor = page.cursor();
    }
    return cursor;
  }

  private static CallQuery range(long spanMillis) {
    return CallQuery.between(
        Instant.ofEpochMilli(DataSets.T0_MILLIS), Instant.ofEpochMilli(DataSets.T0_MILLIS + spanMillis));
  }

  private static String ratioBucket(int requests, int n, int limit) {
    long minimum = Math.max(1, (n + limit - 1) / limit);
    double ratio = (double) requests / minimum;
    return ratio <= 1.0 ? "<= 1.0" : ratio <= 1.5 ? "<= 1.5" : ratio <= 2 ? "<= 2" : ratio <= 4 ? "<= 4" : "> 4";
  }

  @Provide
  Arbitrary<Integer> limits() {
    return Arbitraries.of(1000, 100, 37, 10, 1);
  }

  @Provide
  Arbitrary<Long> spans() {
    return Arbitraries.oneOf(
        Arbitraries.of(0L, 1L, 2L, 3L, 999L, 1000L),
        Arbitraries.longs().between(1, 60_000),
        Arbitraries.longs().between(60_000, 30L * 86_400_000));
  }

}
