package com.clarionhealth.client.internal;

import static java.util.Objects.requireNonNull;

import com.clarionhealth.client.CallQuery;
import com.clarionhealth.client.ClarionListener;
import com.clarionhealth.client.model.Call;
import java.time.Instant;
import java.util.function.Function;

/**
 * A {@link CallQuery} resolved at the moment its stream starts: the fixed range in milliseconds, the
 * page size and the concurrency. Both clients drive it the same way: the {@link #head()} planner
 * walks the range (at concurrency 1, all of it; above, until its first window completes, then the
 * {@link Frontier}'s slots are walked {@code n} at a time), and the completed windows go, in window
 * order, through the one {@link PageAssembler}.
 *
 * <p>One plan is one walk: its {@link #run()} counts and tells the walk's events, which the engine
 * raises; a client only reports the walk's end ({@link #ended}).
 */
public final class PagingPlan {
  private final long startMillis;
  private final long endMillis;
  private final int limit;
  private final long widthHintMillis;
  private final int concurrency;
  private final PagingCursor resumedFrom;
  private final long maxBytesAhead;
  private final boolean rawJson;
  private final StreamRun run;

  private PagingPlan(long startMillis, long endMillis, int limit, long widthHintMillis,
      int concurrency, PagingCursor resumedFrom, long maxBytesAhead, boolean rawJson, ClarionListener listener) {
    this.startMillis = startMillis;
    this.endMillis = endMillis;
    this.limit = limit;
    this.widthHintMillis = widthHintMillis;
    this.concurrency = concurrency;
    this.resumedFrom = resumedFrom;
    this.maxBytesAhead = maxBytesAhead;
    this.rawJson = rawJson;
    this.run = new StreamRun(concurrency, listener);
  }

  /** {@link #of(CallQuery, Instant, long)} with the default budget of bytes fetched ahead. */
  public static PagingPlan of(CallQuery query, Instant now) {
    return of(query, now, FetchAhead.DEFAULT_MAX_BYTES_AHEAD);
  }

  /**
   * Resolves {@code query}; {@code now} is the end of a range left open, {@code maxBytesAhead} the
   * budget of what the stream may fetch ahead of its consumer at concurrency above 1.
   */
  public static PagingPlan of(CallQuery query, Instant now, long maxBytesAhead) {
    return of(query, now, maxBytesAhead, ClarionListener.NONE);
  }

  /** @param listener guarded already ({@link RequestEngine#plan}), or {@link ClarionListener#NONE} */
  static PagingPlan of(CallQuery query, Instant now, long maxBytesAhead, ClarionListener listener) {
    requireNonNull(query, "query == null");
    requireNonNull(now, "now == null");
    if (query.cursor().isPresent()) {
      PagingCursor cursor = PagingCursor.decode(query.cursor().get());
      int limit = query.pageSize().orElse(cursor.limit());
      return new PagingPlan(cursor.positionMillis(), cursor.endMillis(), limit,
          cursor.widthHintMillis(), query.concurrency(), cursor, maxBytesAhead, query.rawJson(), listener);
    }
    long start = query.from().orElseThrow().toEpochMilli();
    long end = ceilMillis(query.to().orElse(now));
    if (end < start) {
      throw new IllegalArgumentException(
          "from (" + query.from().get() + ") is after the moment the stream started (" + now + ")");
    }
    int limit = query.pageSize().orElse(WindowPlanner.MAX_LIMIT);
    return new PagingPlan(start, end, limit, end - start, query.concurrency(), null, maxBytesAhead,
        query.rawJson(), listener);
  }

  /**
   * How a client makes the answer to {@code window}'s request of its split body: counted when full,
   * bound otherwise, with each call's text beside it when the query asked for it.
   */
  public PageSplitter.Finish<FetchedPage> pageOf(Window window, CallBinder binder) {
    int windowLimit = window.limit();
    return splitter -> splitter.page(windowLimit, binder, rawJson);
  }

  /** Whether there is nothing left to fetch: a cursor taken after the last page of its range. */
  public boolean isComplete() {
    return resumedFrom != null && resumedFrom.isComplete();
  }

  /** How many requests may be in flight at once. */
  public int concurrency() {
    return concurrency;
  }

  /**
   * The planner of the whole range, or null when there is nothing left (a cursor taken after the
   * last page). At concurrency 1 it walks the whole range; above, only until its first window
   * completes (which tells the density where the range starts), and then {@link #frontierAfter}
   * takes the rest.
   */
  public WindowPlanner head() {
    return isComplete() ? null : WindowPlanner.forRange(startMillis, endMillis, limit, widthHintMillis, run);
  }

  /** The slots of the range after the head's first completed window, for concurrency above 1. */
  public Frontier frontierAfter(CompletedWindow first) {
    Frontier frontier = new Frontier(first.window.leMillis(), endMillis, limit, first.widthHintMillis, run);
    frontier.observe(first);
    return frontier;
  }

  /**
   * What decides, after the head's first completed window, when each slot may send its next request;
   * {@code onRoom} runs whenever a new slot may have room to start.
   */
  public FetchAhead fetchAhead(CompletedWindow first, Runnable onRoom) {
    FetchAhead ahead = new FetchAhead(concurrency, maxBytesAhead, limit, onRoom);
    ahead.learn(first.bytes, first.calls == null ? 0 : first.calls.size());
    return ahead;
  }

  /** The assembler of this plan's pages, primed by the cursor it resumes from. */
  public PageAssembler assembler() {
    return new PageAssembler(endMillis, limit, deduplicator(Call::getId), run);
  }

  /** The walk of this plan: what its requests belong to ({@link RequestEngine#get(String, String, StreamRun)}). */
  public StreamRun run() {
    return run;
  }

  /**
   * The walk ended: with {@code failure}, or null when it delivered its whole range or its consumer
   * stopped (cancelled, closed). Clients call it at every end they see; only the first counts.
   */
  public void ended(Throwable failure) {
    run.ended(failure);
  }

  /** The deduplicator for the ordered pages of this plan, primed by the cursor it resumes from. */
  <T> EdgeDeduplicator<T> deduplicator(Function<? super T, Long> idOf) {
    return resumedFrom == null
        ? EdgeDeduplicator.fresh(idOf)
        : EdgeDeduplicator.resuming(idOf, resumedFrom);
  }

  private static long ceilMillis(Instant instant) {
    long millis = instant.toEpochMilli();
    return instant.getNano() % 1_000_000 == 0 ? millis : millis + 1;
  }
}
