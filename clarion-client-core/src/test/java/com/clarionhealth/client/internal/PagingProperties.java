package com.clarionhealth.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.clarionhealth.client.CallPage;
import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionPagingException;
import com.clarionhealth.client.internal.DataSets.Kind;
import com.clarionhealth.client.internal.FakeListServer.Order;
import com.clarionhealth.client.model.Call;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Every call of the range exactly once, whatever the data and whatever order (or subset) the server
 * returns, at every concurrency; or a {@link ClarionPagingException} that the data justifies, raised
 * only after every call before its instant was delivered. Run through each client's own paging loop
 * (a subclass per client gives its {@link PagingDriver}).
 */
public abstract class PagingProperties {

  /** The client's paging loop. */
  protected abstract PagingDriver driver();

  @Property(tries = 400)
  public void deliversEveryCallExactlyOnce(
      @ForAll Kind kind,
      @ForAll Order order,
      @ForAll("limits") int limit,
      @ForAll @IntRange(min = 0, max = 5000) int n,
      @ForAll("spans") long spanMillis,
      @ForAll @IntRange(min = 1, max = 4) int concurrency,
      @ForAll("budgets") long maxBytesAhead,
      @ForAll long seed) {
    FakeListServer server = new FakeListServer(DataSets.generate(kind, n, spanMillis, limit, seed), order, seed);
    CallQuery query = range(spanMillis).pageSize(limit).concurrency(concurrency);
    Walk walk = new Walk(server);

    ClarionPagingException failure = walk.run(PagingPlan.of(query, Instant.EPOCH, maxBytesAhead), Integer.MAX_VALUE);

    check(server, spanMillis, walk.delivered, failure);
    Statistics.label("outcome").collect(failure == null ? "complete" : "paging exception");
    Statistics.label("full pages discarded").collect(walk.discarded > 0);
    Statistics.label("concurrent").collect(concurrency > 1);
    Statistics.label("budget").collect(maxBytesAhead == 0 ? "none" : maxBytesAhead < 100_000 ? "small" : "large");
    Statistics.label("outcome").coverage(c -> {
      c.check("complete").percentage(p -> p > 50);
      c.check("paging exception").count(count -> count > 0);
    });
    Statistics.label("full pages discarded").coverage(c -> c.check(true).percentage(p -> p > 10));
  }

  @Property(tries = 200)
  public void resumingFromAnyCursorLosesAndRepeatsNothing(
      @ForAll Kind kind,
      @ForAll Order order,
      @ForAll("limits") int limit,
      @ForAll @IntRange(min = 0, max = 3000) int n,
      @ForAll("spans") long spanMillis,
      @ForAll @IntRange(min = 1, max = 4) int concurrencyBefore,
      @ForAll @IntRange(min = 1, max = 4) int concurrencyAfter,
      @ForAll @IntRange(min = 0, max = 30) int pagesBeforeInterruption,
      @ForAll long seed) {
    FakeListServer server = new FakeListServer(DataSets.generate(kind, n, spanMillis, limit, seed), order, seed);
    CallQuery original = range(spanMillis).pageSize(limit).concurrency(concurrencyBefore);
    Walk walk = new Walk(server);

    ClarionPagingException failure = walk.run(PagingPlan.of(original, Instant.EPOCH), pagesBeforeInterruption);
    boolean resumed = false;
    if (failure == null) {
      // Interrupted before its first page, a stream has nothing to resume from: it starts again.
      CallQuery rest = walk.cursor == null ? original : CallQuery.resumeFrom(walk.cursor);
      resumed = walk.cursor != null;
      failure = walk.run(PagingPlan.of(rest.concurrency(concurrencyAfter), Instant.EPOCH), Integer.MAX_VALUE);
    }

    check(server, spanMillis, walk.delivered, failure);
    Statistics.label("resumed from a cursor").collect(resumed);
    Statistics.label("resumed from a cursor").coverage(c -> c.check(true).percentage(p -> p > 30));
  }

  @Example
  public void nothingIsFetchedUntilTheFirstPageIsTaken() {
    AtomicInteger fetches = new AtomicInteger();
    PagingPlan plan = PagingPlan.of(CallQuery.between(Instant.ofEpochSecond(0), Instant.ofEpochSecond(10)), Instant.EPOCH);
    List<CallPage> pages = new ArrayList<>();

    driver().walk(plan, window -> {
      fetches.incrementAndGet();
      return FetchedPage.of(2, calls(1L, 2L));
    }, 0, pages::add);
    assertThat(fetches).hasValue(0);

    driver().walk(plan, window -> {
      fetches.incrementAndGet();
      return FetchedPage.of(2, calls(1L, 2L));
    }, 1, pages::add);
    assertThat(fetches).hasValue(1);
    assertThat(pages).singleElement().satisfies(page -> {
      assertThat(page.calls()).extracting(Call::getId).containsExactly(1L, 2L);
      assertThat(page.requests()).isEqualTo(1);
      assertThat(page.windowStart()).isEqualTo(Instant.ofEpochSecond(0));
      assertThat(page.windowEnd()).isEqualTo(Instant.ofEpochSecond(10));
    });
  }

  /**
   * A consumer that stops taking pages: the slots run ahead only as far as the budget, whatever the
   * concurrency. Each call is 1000 bytes, so a full page of 100 is 100 KB, and the budget is three
   * of them: once the stream is idle, at most the budget's pages (and the one the consumer waits on)
   * have been fetched and not taken. Without the budget it would be 4 slots ahead per request in
   * flight. Idle means no request for 300 ms: a slow machine can only make this pass wrongly (fewer
   * pages fetched by then), never fail wrongly, so only the upper bound is asserted.
   */
  @Example
  public void whatIsFetchedAheadStaysWithinTheBudgetWhateverTheConcurrency() {
    for (int concurrency : new int[] {2, 8, 32}) {
      FakeListServer server = new FakeListServer(
          DataSets.generate(Kind.UNIFORM, 20_000, 86_400_000L, 100, 7), FakeListServer.Order.NEWEST_FIRST, 7);
      AtomicInteger keptPages = new AtomicInteger();
      AtomicInteger served = new AtomicInteger();
      Function<Window, FetchedPage> fetch = window -> {
        List<Long> ids = server.list(window);
        served.incrementAndGet();
        if (ids.size() < window.limit()) {
          keptPages.incrementAndGet();
        }
        return FetchedPage.of(ids.size(), calls(ids.stream().mapToLong(Long::longValue).toArray()),
            ids.size() * 1000L + 2);
      };
      CallQuery query = range(86_400_000L).pageSize(100).concurrency(concurrency);
      int[] aheadWhenIdle = new int[1];
      List<CallPage> taken = new ArrayList<>();

      driver().walk(PagingPlan.of(query, Instant.EPOCH, 300_000), fetch, 3, page -> {
        taken.add(page);
        if (taken.size() == 2) {
          try {
            aheadWhenIdle[0] = keptWhenIdle(served, keptPages) - taken.size();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
        }
      });

      assertThat(aheadWhenIdle[0]).as("pages fetched ahead at concurrency %d", concurrency).isLessThanOrEqualTo(5);
    }
  }

  /** Pages kept so far, once nothing was asked for 300 ms (at most 10 s). */
  private static int keptWhenIdle(AtomicInteger served, AtomicInteger kept) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    int seen = -1;
    while (seen != served.get() && System.nanoTime() < deadline) {
      seen = served.get();
      Thread.sleep(300);
    }
    return kept.get();
  }

  @Example
  public void aNullElementCountsTowardsTheLimitButIsNoCall() {
    PagingPlan plan = PagingPlan.of(
        CallQuery.between(Instant.ofEpochSecond(0), Instant.ofEpochSecond(10)).pageSize(3), Instant.EPOCH);
    List<CallPage> pages = new ArrayList<>();
    List<Window> asked = new ArrayList<>();

    driver().walk(plan, window -> {
      synchronized (asked) {
        asked.add(window);
        // The first, whole range: three elements, one of them null, so the page is full and discarded.
        return asked.size() == 1 ? FetchedPage.of(3, calls(1L, 3L)) : FetchedPage.of(1, calls(asked.size()));
      }
    }, Integer.MAX_VALUE, pages::add);

    assertThat(asked.get(1).createdAtLe()).isBefore(asked.get(0).createdAtLe());
    assertThat(pages.get(0).requests()).isEqualTo(2);
    assertThat(pages).flatExtracting(CallPage::calls).doesNotContainNull();
  }

  /** Checks a walk's outcome against the data: exactly once, or a justified failure after everything before it. */
  private static void check(FakeListServer server, long spanMillis, List<Long> delivered, ClarionPagingException failure) {
    List<Long> expected = server.expected(DataSets.T0_MILLIS, DataSets.T0_MILLIS + spanMillis);
    assertThat(new HashSet<>(delivered)).as("no call delivered twice").hasSameSizeAs(delivered);
    if (failure == null) {
      assertThat(delivered).containsExactlyInAnyOrderElementsOf(expected);
      return;
    }
    long instant = failure.instant().toEpochMilli();
    // Justified only if the window it names really holds a full page at the largest limit...
    assertThat(server.countIn(instant, failure.windowEnd().toEpochMilli()))
        .isGreaterThanOrEqualTo(WindowPlanner.MAX_LIMIT);
    // ...and raised only once every call created before that instant was delivered: nothing skipped.
    assertThat(expected).containsAll(delivered);
    assertThat(delivered).containsAll(server.expected(DataSets.T0_MILLIS, instant - 1));
  }

  private final class Walk {
    final FakeListServer server;
    final List<Long> delivered = new ArrayList<>();
    String cursor;
    int discarded;

    Walk(FakeListServer server) {
      this.server = server;
    }

    /** Walks {@code plan} for at most {@code maxPages} pages; returns the paging failure, if any. */
    ClarionPagingException run(PagingPlan plan, int maxPages) {
      Function<Window, FetchedPage> fetch = window -> {
        List<Long> ids = server.list(window);
        // 100 bytes a call: what the budget counts
        return FetchedPage.of(ids.size(), calls(ids.stream().mapToLong(Long::longValue).toArray()),
            ids.size() * 100L + 2);
      };
      try {
        driver().walk(plan, fetch, maxPages, page -> {
          page.calls().forEach(call -> delivered.add(call.getId()));
          cursor = page.cursor();
          discarded += page.requests() - 1;
        });
        return null;
      } catch (ClarionPagingException e) {
        return e;
      }
    }
  }

  private static List<Call> calls(long... ids) {
    List<Call> calls = new ArrayList<>(ids.length);
    Arrays.stream(ids).forEach(id -> calls.add(new Call().id(id)));
    return calls;
  }

  private static CallQuery range(long spanMillis) {
    return CallQuery.between(
        Instant.ofEpochMilli(DataSets.T0_MILLIS), Instant.ofEpochMilli(DataSets.T0_MILLIS + spanMillis));
  }

  @Provide
  public Arbitrary<Integer> limits() {
    return Arbitraries.of(1000, 100, 37, 10, 1);
  }

  /** No room ahead at all, room for a few small pages, the default. */
  @Provide
  public Arbitrary<Long> budgets() {
    return Arbitraries.of(0L, 2_000L, 50_000L, FetchAhead.DEFAULT_MAX_BYTES_AHEAD);
  }

  @Provide
  public Arbitrary<Long> spans() {
    return Arbitraries.oneOf(
        Arbitraries.of(0L, 1L, 2L, 3L, 999L, 1000L),
        Arbitraries.longs().between(1, 60_000),
        Arbitraries.longs().between(60_000, 30L * 86_400_000));
  }
}
